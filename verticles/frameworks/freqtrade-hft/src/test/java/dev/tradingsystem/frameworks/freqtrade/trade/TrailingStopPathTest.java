package dev.tradingsystem.frameworks.freqtrade.trade;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.MINUTE_US;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.strategy.ExitSignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.RoiTable;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.frameworks.freqtrade.strategy.TrailingStop;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stoploss and trailing stop along price paths, one price a minute, the trade opened at the first
 * price; stoploss -2 %, no ROI exit, no fee. "positive" is trailing_stop_positive, "offset"
 * trailing_stop_positive_offset, "only offset" trailing_only_offset_is_reached.
 */
class TrailingStopPathTest {

  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final RoiTable NO_ROI = RoiTable.parse(Map.of("0", 10));

  @ParameterizedTest(name = "[{index}] {0} trailing={1} positive={2} offset={3} only={4}: {5} -> {6}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      side  | trailing | positive | offset | only offset | prices                            | outcome
      LONG  | false    |          | 0      | false       | 100, 110, 98.01, 98.00            | stop_loss at price 4, stop 98.00
      LONG  | true     |          | 0      | false       | 100, 104, 102, 101.92             | trailing_stop_loss at price 4, stop 101.92
      LONG  | true     |          | 0      | false       | 100, 104, 102, 101.93             | hold, stop 101.92
      LONG  | true     | 0.01     | 0.03   | false       | 100, 102, 104, 103, 102.96        | trailing_stop_loss at price 5, stop 102.96
      LONG  | true     | 0.01     | 0.03   | false       | 100, 102, 103                     | hold, stop 100.94
      LONG  | true     | 0.01     | 0.03   | false       | 100, 102.9, 98.5                  | trailing_stop_loss at price 3, stop 100.85
      LONG  | true     | 0.01     | 0.03   | true        | 100, 102.9, 98.5, 98.00           | stop_loss at price 4, stop 98.00
      LONG  | true     | 0.01     | 0.03   | true        | 100, 103, 104, 102.96             | trailing_stop_loss at price 4, stop 102.96
      LONG  | true     | 0.005    | 0      | false       | 100, 100.5, 100.2, 99.99          | trailing_stop_loss at price 4, stop 100.00
      SHORT | false    |          | 0      | false       | 100, 96, 101.99, 102.00           | stop_loss at price 4, stop 102.00
      SHORT | true     |          | 0      | false       | 100, 96, 97.92                    | trailing_stop_loss at price 3, stop 97.92
      SHORT | true     | 0.01     | 0.03   | true        | 100, 97.1, 101.5, 102             | stop_loss at price 4, stop 102.00
      SHORT | true     | 0.01     | 0.03   | true        | 100, 96, 96.96                    | trailing_stop_loss at price 3, stop 96.96
      """)
  void stopAlongAPricePath(TradeSide side, boolean trailing, String positive, String offset, boolean onlyOffset,
      String prices, String outcome) {
    TrailingStop settings = new TrailingStop(trailing, positive == null ? null : new BigDecimal(positive),
        new BigDecimal(offset), onlyOffset);
    ExitRules rules = new ExitRules(ExitSettings.of(NO_ROI, new BigDecimal("-0.02"), settings));

    assertThat(walk(rules, side, prices, ExitRules.Hooks.NONE)).isEqualTo(outcome);
  }

  @Test
  void customStoplossTightensTheStopAndNeverLoosensIt() {
    ExitRules rules = new ExitRules(ExitSettings.of(NO_ROI, new BigDecimal("-0.10"), TrailingStop.OFF));
    ExitRules.Hooks onePercent = new ExitRules.Hooks() {
      @Override
      public Optional<BigDecimal> customStoploss(BigDecimal rate, BigDecimal profit) {
        // Wide while losing, 1 % under the price once in profit.
        return Optional.of(profit.signum() > 0 ? new BigDecimal("-0.01") : new BigDecimal("-0.5"));
      }
    };

    assertThat(walk(rules, TradeSide.LONG, "100, 99, 101, 100.5, 99.99", onePercent))
        .isEqualTo("trailing_stop_loss at price 5, stop 99.99");
    assertThat(walk(rules, TradeSide.LONG, "100, 95, 91, 90", onePercent))
        .as("-50 %% never loosens the -10 %% stoploss").isEqualTo("stop_loss at price 4, stop 90.00");
  }

  /** Runs the path; "<exit> at price <n>, stop <price>" or "hold, stop <price>". */
  private static String walk(ExitRules rules, TradeSide side, String prices, ExitRules.Hooks hooks) {
    List<BigDecimal> path = List.of(prices.split(",")).stream().map(p -> new BigDecimal(p.trim())).toList();
    TradeRecord trade = TradeRecord.opened(side, path.get(0), T0_US, CENT);
    for (int i = 0; i < path.size(); i++) {
      List<ExitCheck> exits = rules.check(trade, path.get(i), T0_US + i * MINUTE_US, false, ExitSignal.HOLD, hooks);
      if (!exits.isEmpty()) {
        return exits.get(0).label() + " at price " + (i + 1) + ", stop " + trade.stop().price().toPlainString();
      }
    }
    return "hold, stop " + trade.stop().price().toPlainString();
  }
}
