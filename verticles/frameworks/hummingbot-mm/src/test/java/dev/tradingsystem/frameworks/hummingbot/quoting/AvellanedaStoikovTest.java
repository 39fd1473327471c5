package dev.tradingsystem.frameworks.hummingbot.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against hand calculations. With γ = 0.1, κ = 1.5 the liquidity term is
 * (2/γ)·ln(1 + γ/κ) = 20 · ln(1.0667) = 1.2907704228; with γ = 0.5, κ = 2 it is
 * 4 · ln(1.25) = 0.8925742053; with γ = κ = 1 it is 2 · ln 2 = 1.3862943611.
 */
class AvellanedaStoikovTest {

  @ParameterizedTest(name = "γ {0} κ {1}: s {2} q {3} σ {4} τ {5} -> r {6} δ {7}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      gamma | kappa | mid  | inventory | sigma | time left | reservation | spread       | bid            | ask
      0.1   | 1.5   | 100  | 0         | 2     | 1         | 100.0       | 1.6907704228 | 99.1546147886  | 100.8453852114
      0.1   | 1.5   | 100  | 1         | 2     | 1         | 99.6        | 1.6907704228 | 98.7546147886  | 100.4453852114
      0.1   | 1.5   | 100  | -2        | 2     | 1         | 100.8       | 1.6907704228 | 99.9546147886  | 101.6453852114
      0.1   | 1.5   | 100  | 1         | 2     | 0.5       | 99.8        | 1.4907704228 | 99.0546147886  | 100.5453852114
      0.1   | 1.5   | 100  | 1         | 0     | 1         | 100.0       | 1.2907704228 | 99.3546147886  | 100.6453852114
      0.5   | 2     | 1000 | 0.5       | 3     | 1         | 997.75      | 5.3925742053 | 995.0537128974 | 1000.4462871026
      1     | 1     | 50   | 0         | 0     | 1         | 50.0        | 1.3862943611 | 49.3068528194  | 50.6931471806
      """)
  void quotesMatchTheHandCalculation(double gamma, double kappa, double mid, double inventory, double sigma,
      double timeLeft, double reservation, double spread, double bid, double ask) {
    AvellanedaStoikov.Quote quote = new AvellanedaStoikov(gamma, kappa).quote(mid, inventory, sigma, timeLeft);

    assertThat(quote.reservationPrice()).isCloseTo(reservation, within(1e-9));
    assertThat(quote.spread()).isCloseTo(spread, within(1e-9));
    assertThat(quote.bid()).isCloseTo(bid, within(1e-9));
    assertThat(quote.ask()).isCloseTo(ask, within(1e-9));
  }

  /**
   * The features' fallback σ per √s: mid · per-tick volatility · √(ticks per second), at least one
   * tick per horizon. Row one over its 60 s horizon: σ²·T = 0.5 · 60 = 30, so γσ²T = 3 at γ = 0.1.
   */
  @ParameterizedTest(name = "mid {0}, vol {1}/tick, {2} trades/s, horizon {3} s -> σ {4}/√s")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      mid  | volatility per tick | trades per second | horizon seconds | sigma per sqrt second
      1000 | 0.001               | 0.5               | 60              | 0.7071067812
      1000 | 0.001               | 0                 | 60              | 0.1290994449
      1000 | 0.001               | 0.01              | 60              | 0.1290994449
      100  | 0.002               | 2                 | 8               | 0.2828427125
      1000 | 0                   | 5                 | 60              | 0.0
      """)
  void theFeaturesFallbackScalesPerTickVolatilityToASecond(double mid, double vol, double rate, double horizon,
      double sigma) {
    assertThat(AvellanedaStoikov.sigmaFromFeatures(mid, vol, rate, horizon)).isCloseTo(sigma, within(1e-9));
  }

  @Test
  void anotherKappaKeepsTheRiskAversion() {
    AvellanedaStoikov model = new AvellanedaStoikov(0.1, 1.5);

    assertThat(model.withKappa(1.5)).isSameAs(model);
    assertThat(model.withKappa(3).gamma()).isEqualTo(0.1);
    assertThat(model.withKappa(3).optimalSpread(0, 1)).isCloseTo(20 * Math.log1p(0.1 / 3), within(1e-12));
  }

  @Test
  void riskAversionAndDepthMustBePositive() {
    assertThatThrownBy(() -> new AvellanedaStoikov(0, 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AvellanedaStoikov(0.1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
