package dev.tradingsystem.frameworks.hummingbot.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against hand calculations. γ 0.1, κ 1.5, min spread 0.1 %, 5 bps skew per unit of consensus.
 * At mid 1000 with σ² = 0.5 per second over T − t = 60 s, γσ²(T − t) = 3 and the liquidity term is
 * (2/γ)·ln(1 + γ/κ) = 1.2907704228, so δ = 4.2907704228; the floor is 1 (0.1 % of 1000) and no
 * quote comes closer to the mid than half of it, 0.5.
 */
class QuotePricerTest {

  private static final double SIGMA = Math.sqrt(0.5);

  private final QuotePricer pricer = new QuotePricer(0.1, 0.1, 5);

  private static QuotePricer.Inputs inputs(double mid, double inventory, double sigma, double timeLeft,
      double consensus, double widen) {
    return new QuotePricer.Inputs(mid, inventory, sigma, timeLeft, 1.5, consensus, widen);
  }

  @ParameterizedTest(name = "q {0}, T−t {1} s -> r {2}, δ {3}, bid {4}, ask {5}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      inventory | time left s | reservation | spread       | bid            | ask
      0         | 60          | 1000.0      | 4.2907704228 | 997.8546147886 | 1002.1453852114
      0.5       | 60          | 998.5       | 4.2907704228 | 996.3546147886 | 1000.6453852114
      -0.5      | 60          | 1001.5      | 4.2907704228 | 999.3546147886 | 1003.6453852114
      2         | 60          | 994.0       | 4.2907704228 | 991.8546147886 | 1000.5
      -2        | 60          | 1006.0      | 4.2907704228 | 999.5          | 1008.1453852114
      1         | 30          | 998.5       | 2.7907704228 | 997.1046147886 | 1000.5
      1         | 0           | 1000.0      | 1.2907704228 | 999.3546147886 | 1000.6453852114
      """)
  void inventoryAndTimeLeftSkewAndWidenTheQuotes(double inventory, double timeLeft, double reservation,
      double spread, double bid, double ask) {
    QuotePricer.Plan plan = pricer.price(inputs(1000, inventory, SIGMA, timeLeft, 0, 1));

    assertThat(plan.reservationPrice()).isCloseTo(reservation, within(1e-9));
    assertThat(plan.spread()).isCloseTo(spread, within(1e-9));
    assertThat(plan.bid()).isCloseTo(bid, within(1e-9));
    assertThat(plan.ask()).isCloseTo(ask, within(1e-9));
  }

  @ParameterizedTest(name = "consensus {0} -> r {1}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      consensus score | reservation
      1.0             | 1000.5
      0.4             | 1000.2
      -1.0            | 999.5
      0.0             | 1000.0
      """)
  void aConsensusLeansTheReservationPrice(double score, double reservation) {
    assertThat(pricer.price(inputs(1000, 0, SIGMA, 60, score, 1)).reservationPrice())
        .isCloseTo(reservation, within(1e-9));
  }

  @ParameterizedTest(name = "mid {0}, σ {1}, widen ×{2} -> δ {3}, bid {4}, ask {5}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      mid   | sigma        | widen | spread       | bid            | ask
      60000 | 0            | 1     | 60.0         | 59970.0        | 60030.0
      60000 | 0            | 2     | 120.0        | 59940.0        | 60060.0
      1000  | 0.7071067812 | 2     | 8.5815408456 | 995.7092295772 | 1004.2907704228
      """)
  void theSpreadIsFlooredAtTheMinimumAndWidenedByARiskAlert(double mid, double sigma, double widen, double spread,
      double bid, double ask) {
    QuotePricer.Plan plan = pricer.price(inputs(mid, 0, sigma, 60, 0, widen));

    assertThat(plan.spread()).isCloseTo(spread, within(1e-6));
    assertThat(plan.bid()).isCloseTo(bid, within(1e-6));
    assertThat(plan.ask()).isCloseTo(ask, within(1e-6));
  }
}
