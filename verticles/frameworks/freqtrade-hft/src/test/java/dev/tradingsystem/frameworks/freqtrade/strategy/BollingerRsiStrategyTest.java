package dev.tradingsystem.frameworks.freqtrade.strategy;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.frameworks.freqtrade.Fixtures;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults: RSI below 30 at or under the lower band to buy; RSI above 70 or back at the middle band to sell. */
class BollingerRsiStrategyTest {

  private final BollingerRsiStrategy strategy = new BollingerRsiStrategy(BollingerRsiStrategy.PARAMETERS.defaults());

  private StrategyInput row(double price, double rsi) {
    return strategy.populateIndicators(StrategyInput.of(Fixtures.indicators(1, T0_US, price, rsi, 990, 1010)));
  }

  @ParameterizedTest(name = "price {0} (bands 990-1010), RSI {1} -> bb_percent {2}, entry {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      price | rsi | bb percent | entry
      989   | 25  | -0.05      | true
      990   | 29  | 0          | true
      990   | 30  | 0          | false
      991   | 25  | 0.05       | false
      985   | 0   | -0.25      | false
      1000  | 10  | 0.5        | false
      """)
  void buysAnOversoldDipBelowTheLowerBand(double price, double rsi, double percent, boolean entry) {
    StrategyInput input = row(price, rsi);

    assertThat(input.column(BollingerRsiStrategy.BB_PERCENT)).isCloseTo(percent, within(1e-9));
    assertThat(strategy.populateEntry(input).isEntry()).isEqualTo(entry);
  }

  @ParameterizedTest(name = "price {0}, RSI {1} -> exit {2}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      price | rsi | exit
      995   | 50  | HOLD
      995   | 71  | rsi_overbought
      1000  | 50  | bb_middle
      1005  | 80  | rsi_overbought
      """)
  void sellsTheBounce(double price, double rsi, String exit) {
    ExitSignal signal = strategy.populateExit(row(price, rsi), OpenTrade.of(TradeSide.LONG, 1, new BigDecimal("990"), T0_US));

    assertThat(signal.exit() ? signal.tag() : "HOLD").isEqualTo(exit);
  }
}
