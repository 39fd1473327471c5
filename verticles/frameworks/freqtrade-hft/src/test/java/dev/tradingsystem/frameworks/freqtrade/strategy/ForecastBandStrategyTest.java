package dev.tradingsystem.frameworks.freqtrade.strategy;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.frameworks.freqtrade.Fixtures;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Defaults: median at least 0.05 %, downside tail within 0.3 %, stop 1.5 × the tail (at least
 * 0.4 %), DCA of half the stake once 1 % down, at most 2 adjustments.
 */
class ForecastBandStrategyTest {

  private final ForecastBandStrategy strategy = new ForecastBandStrategy(ForecastBandStrategy.PARAMETERS.defaults());

  private static StrategyInput band(double q10, double q50, double q90) {
    return StrategyInput.of(Fixtures.forecast(1, T0_US, 1000, q10, q50, q90));
  }

  @ParameterizedTest(name = "q10 {0}, q50 {1}, q90 {2} -> {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      q10     | q50     | q90    | entry
      -0.002  | 0.001   | 0.004  | LONG
      -0.003  | 0.0005  | 0.004  | LONG
      -0.0031 | 0.001   | 0.004  | NONE
      -0.002  | 0.0004  | 0.004  | NONE
      -0.004  | -0.001  | 0.002  | SHORT
      -0.004  | -0.001  | 0.0031 | NONE
      NaN     | NaN     | NaN    | NONE
      """)
  void entersWhenTheBandLeansOneWay(double q10, double q50, double q90, String entry) {
    EntrySignal signal = strategy.populateEntry(band(q10, q50, q90));

    assertThat(signal.isEntry() ? signal.side().name() : "NONE").isEqualTo(entry);
  }

  @ParameterizedTest(name = "{0} with q10 {1} / q90 {2} -> stop {3} from the current rate")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      trade | q10    | q90   | stop
      LONG  | -0.002 | 0.004 | -0.004
      LONG  | -0.004 | 0.004 | -0.006
      LONG  | 0.001  | 0.004 | -0.004
      SHORT | -0.004 | 0.01  | -0.015
      """)
  void theStopFollowsTheAdverseTail(TradeSide side, double q10, double q90, String stop) {
    TradeContext context = new TradeContext(band(q10, 0.001, q90), OpenTrade.of(side, 1, new BigDecimal("1000"), T0_US),
        new BigDecimal("1000"), BigDecimal.ZERO, T0_US);

    assertThat(strategy.customStoploss(context))
        .hasValueSatisfying(v -> assertThat(v.doubleValue()).isCloseTo(Double.parseDouble(stop), within(1e-12)));
  }

  @ParameterizedTest(name = "profit {0}, median {1} -> add {2}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      profit  | q50    | add
      -0.0099 | 0.001  | none
      -0.01   | 0.001  | 500
      -0.05   | 0.001  | 500
      -0.05   | -0.001 | none
      """)
  void averagesDownOnlyWhileTheForecastStillFavoursTheTrade(String profit, double q50, String add) {
    OpenTrade trade = new OpenTrade("BTC/USD", TradeSide.LONG, 1, new BigDecimal("1000"), T0_US, "band_above", 1,
        new BigDecimal("1000"), new BigDecimal("1000"), new BigDecimal("990"), null);
    TradeContext context = new TradeContext(band(-0.002, q50, 0.004), trade, new BigDecimal("990"),
        new BigDecimal(profit), T0_US);

    Optional<BigDecimal> stake = strategy.adjustTradePosition(context, BigDecimal.TEN, new BigDecimal("9000"));

    assertThat(stake.map(BigDecimal::stripTrailingZeros).map(BigDecimal::toPlainString)).isEqualTo(
        add.equals("none") ? Optional.empty() : Optional.of(add));
  }

  @Test
  void declaresPositionAdjustment() {
    assertThat(strategy.defaults().positionAdjustmentEnable()).isTrue();
    assertThat(strategy.defaults().maxEntryPositionAdjustment()).isEqualTo(2);
  }
}
