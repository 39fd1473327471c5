package dev.tradingsystem.frameworks.freqtrade.trade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.strategy.RoiTable;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default exits: minimal_roi {"0": 1 %, "30": 0.5 %, "60": 0 %} and a 2 % stoploss. */
class ExitRulesTest {

  private final ExitRules rules = new ExitRules(
      RoiTable.parse(Map.of("0", 0.01, "30", 0.005, "60", 0.0)), new BigDecimal("-0.02"));

  @ParameterizedTest(name = "long from {0} at {1} after {2} min -> {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      entry price | current price | minutes open | exit
      100.00      | 100.99        | 0            | NONE
      100.00      | 101.00        | 0            | NONE
      100.00      | 101.01        | 0            | ROI
      100.00      | 100.60        | 29           | NONE
      100.00      | 100.60        | 30           | ROI
      100.00      | 100.50        | 45           | NONE
      100.00      | 100.51        | 45           | ROI
      100.00      | 100.00        | 60           | NONE
      100.00      | 100.01        | 60           | ROI
      100.00      | 99.99         | 240          | NONE
      100.00      | 98.01         | 5            | NONE
      100.00      | 98.00         | 5            | STOP_LOSS
      100.00      | 97.50         | 90           | STOP_LOSS
      812.34      | 820.47        | 0            | ROI
      812.34      | 796.09        | 0            | STOP_LOSS
      812.34      | 796.10        | 0            | NONE
      """)
  void longTrades(String entry, String current, long minutes, ExitReason expected) {
    assertThat(rules.check(TradeSide.LONG, new BigDecimal(entry), new BigDecimal(current), minutes))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "short from {0} at {1} after {2} min -> {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      entry price | current price | minutes open | exit
      100.00      | 99.00         | 0            | NONE
      100.00      | 98.99         | 0            | ROI
      100.00      | 99.40         | 30           | ROI
      100.00      | 99.99         | 60           | ROI
      100.00      | 100.00        | 60           | NONE
      100.00      | 101.99        | 10           | NONE
      100.00      | 102.00        | 10           | STOP_LOSS
      """)
  void shortTrades(String entry, String current, long minutes, ExitReason expected) {
    assertThat(rules.check(TradeSide.SHORT, new BigDecimal(entry), new BigDecimal(current), minutes))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} from {1} at {2} -> profit {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      side  | entry price | current price | profit ratio
      LONG  | 100.00      | 101.01        | 0.0101
      LONG  | 100.00      | 98.00         | -0.02
      SHORT | 100.00      | 98.99         | 0.0101
      SHORT | 100.00      | 102.00        | -0.02
      """)
  void profitRatioIsExactInDecimal(TradeSide side, String entry, String current, String profit) {
    assertThat(ExitRules.profitRatio(side, new BigDecimal(entry), new BigDecimal(current)))
        .isEqualByComparingTo(profit);
  }
}
