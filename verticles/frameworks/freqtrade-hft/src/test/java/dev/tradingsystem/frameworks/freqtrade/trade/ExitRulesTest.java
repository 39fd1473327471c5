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

/** minimal_roi {"0": 1 %, "30": 0.5 %, "60": 0 %}, stoploss -2 %, prices in cents. */
class ExitRulesTest {

  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final RoiTable ROI = RoiTable.parse(Map.of("0", 0.01, "30", 0.005, "60", 0.0));
  private static final BigDecimal STOPLOSS = new BigDecimal("-0.02");

  private static String firstExit(ExitRules rules, TradeSide side, String entry, String current, long minutes) {
    TradeRecord trade = TradeRecord.opened(side, new BigDecimal(entry), T0_US, CENT);
    List<ExitCheck> exits = rules.check(trade, new BigDecimal(current), T0_US + minutes * MINUTE_US, false,
        ExitSignal.HOLD, ExitRules.Hooks.NONE);
    return exits.isEmpty() ? "NONE" : exits.get(0).reason().name();
  }

  private final ExitRules rules = new ExitRules(ExitSettings.of(ROI, STOPLOSS, TrailingStop.OFF));

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
      812.34      | 796.11        | 0            | NONE
      812.34      | 796.10        | 0            | STOP_LOSS
      812.34      | 796.09        | 0            | STOP_LOSS
      """)
  void longTrades(String entry, String current, long minutes, String expected) {
    // 812.34 × 0.98 = 796.0932: the stop is rounded up to the cent (796.10), as Freqtrade rounds a long's stop.
    assertThat(firstExit(rules, TradeSide.LONG, entry, current, minutes)).isEqualTo(expected);
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
  void shortTrades(String entry, String current, long minutes, String expected) {
    assertThat(firstExit(rules, TradeSide.SHORT, entry, current, minutes)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "fee {0}: long from {1} at {2} after {3} min -> {4}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      fee   | entry price | current price | minutes open | exit
      0.001 | 100.00      | 101.20        | 0            | NONE
      0.001 | 100.00      | 101.21        | 0            | ROI
      0.001 | 100.00      | 100.20        | 60           | NONE
      0.001 | 100.00      | 100.21        | 60           | ROI
      0.001 | 100.00      | 98.01         | 5            | NONE
      0.001 | 100.00      | 98.00         | 5            | STOP_LOSS
      """)
  void roiIsNetOfBothFeesTheStoplossIsAPrice(String fee, String entry, String current, long minutes, String expected) {
    ExitRules withFee = new ExitRules(ExitSettings.of(ROI, STOPLOSS, TrailingStop.OFF).withFee(new BigDecimal(fee)));

    assertThat(firstExit(withFee, TradeSide.LONG, entry, current, minutes)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} after {1} min, exit signal {2}, entry signal {3} -> {4}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      price  | minutes | exit signal | entry signal | exits in order
      101.01 | 0       | true        | false        | exit_signal:sell, roi
      98.00  | 0       | true        | false        | exit_signal:sell, stop_loss
      98.00  | 0       | true        | true         | stop_loss
      98.00  | 130     | false       | false        | stop_loss, roi
      100.00 | 130     | false       | false        | roi
      100.00 | 240     | false       | false        | roi, time_exit
      99.00  | 239     | false       | false        | roi
      101.01 | 0       | false       | true         | roi
      """)
  void exitsComeInFreqtradesOrder(String price, long minutes, boolean exitSignal, boolean entrySignal, String order) {
    // ROI {"0": 1 %, "120": -100 %}: after two hours any price is a ROI exit; time exit after four hours.
    ExitRules ordered = new ExitRules(ExitSettings.of(RoiTable.parse(Map.of("0", 0.01, "120", -1)), STOPLOSS,
        TrailingStop.OFF).withMaxTradeMinutes(240));
    TradeRecord trade = TradeRecord.opened(TradeSide.LONG, new BigDecimal("100.00"), T0_US, CENT);

    List<ExitCheck> exits = ordered.check(trade, new BigDecimal(price), T0_US + minutes * MINUTE_US, entrySignal,
        exitSignal ? ExitSignal.exit("sell") : ExitSignal.HOLD, ExitRules.Hooks.NONE);

    assertThat(String.join(", ", exits.stream().map(ExitCheck::label).toList())).isEqualTo(order);
  }

  @Test
  void exitProfitOnlyIgnoresTheSignalUntilTheOffsetIsBeaten() {
    ExitRules profitOnly = new ExitRules(ExitSettings.of(ROI, STOPLOSS, TrailingStop.OFF)
        .withExitProfitOnly(new BigDecimal("0.003")));
    TradeRecord trade = TradeRecord.opened(TradeSide.LONG, new BigDecimal("100.00"), T0_US, CENT);

    assertThat(profitOnly.check(trade, new BigDecimal("100.30"), T0_US, false, ExitSignal.exit("x"), ExitRules.Hooks.NONE))
        .isEmpty();
    assertThat(profitOnly.check(trade, new BigDecimal("100.31"), T0_US, false, ExitSignal.exit("x"), ExitRules.Hooks.NONE))
        .extracting(ExitCheck::label).containsExactly("exit_signal:x");
  }

  @Test
  void ignoreRoiIfEntrySignalHoldsWhileTheEntrySignalDoes() {
    ExitRules ignoring = new ExitRules(new ExitSettings(ROI, STOPLOSS, TrailingStop.OFF, true, false, BigDecimal.ZERO,
        true, 0, BigDecimal.ZERO));
    TradeRecord trade = TradeRecord.opened(TradeSide.LONG, new BigDecimal("100.00"), T0_US, CENT);

    assertThat(ignoring.check(trade, new BigDecimal("102.00"), T0_US, true, ExitSignal.HOLD, ExitRules.Hooks.NONE)).isEmpty();
    assertThat(ignoring.check(trade, new BigDecimal("102.00"), T0_US, false, ExitSignal.HOLD, ExitRules.Hooks.NONE))
        .extracting(ExitCheck::label).containsExactly("roi");
  }

  @Test
  void customExitIsAskedWhenThereIsNoExitSignalAndCarriesItsReason() {
    ExitRules.Hooks hooks = new ExitRules.Hooks() {
      @Override
      public Optional<String> customExit(BigDecimal rate, BigDecimal profit) {
        return profit.signum() > 0 ? Optional.of("take_it") : Optional.empty();
      }
    };
    TradeRecord trade = TradeRecord.opened(TradeSide.LONG, new BigDecimal("100.00"), T0_US, CENT);

    assertThat(rules.check(trade, new BigDecimal("100.10"), T0_US, false, ExitSignal.HOLD, hooks))
        .extracting(ExitCheck::label).containsExactly("custom_exit:take_it");
    assertThat(rules.check(trade, new BigDecimal("99.90"), T0_US, false, ExitSignal.HOLD, hooks)).isEmpty();
  }

  @ParameterizedTest(name = "{0} from {1} at {2}, fee {3} -> profit {4}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      side  | entry price | current price | fee   | profit ratio
      LONG  | 100.00      | 101.01        | 0     | 0.0101
      LONG  | 100.00      | 98.00         | 0     | -0.02
      SHORT | 100.00      | 98.99         | 0     | 0.0101
      SHORT | 100.00      | 102.00        | 0     | -0.02
      LONG  | 100.00      | 100.00        | 0.001 | -0.0019980
      LONG  | 100.00      | 101.00        | 0.001 | 0.00798202
      SHORT | 100.00      | 100.00        | 0.001 | -0.00200200
      """)
  void profitRatioIsFreqtradesNetOfFees(TradeSide side, String entry, String current, String fee, String profit) {
    assertThat(ProfitRatio.of(side, new BigDecimal(entry), new BigDecimal(current), new BigDecimal(fee)))
        .isEqualByComparingTo(profit);
  }
}
