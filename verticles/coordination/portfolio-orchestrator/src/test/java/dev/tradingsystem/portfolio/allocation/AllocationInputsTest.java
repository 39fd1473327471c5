package dev.tradingsystem.portfolio.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.portfolio.allocation.RiskInputs.EdgeEstimate;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import org.junit.jupiter.api.Test;

/** The measurements behind the policies: strategy return volatility and the consensus edge. */
class AllocationInputsTest {

  private static final long DAY = 86_400_000_000L;
  private static final long CAPITAL = 10_000_000_000L;

  @Test
  void volatilityIsTheSeededEwmaOfSquaredReturnsAnnualised() {
    StrategyReturns returns = new StrategyReturns(DAY, 2, 0.5);
    returns.observe("s", 0, 0, CAPITAL);
    returns.observe("s", DAY, 100_000_000L, CAPITAL);        // +1%
    assertThat(returns.annualVolatility("s")).as("one return is not enough").isEmpty();
    returns.observe("s", 2 * DAY, 0, CAPITAL);               // -1%: seed = (1e-4 + 1e-4) / 2
    assertThat(returns.annualVolatility("s").getAsDouble()).isCloseTo(Math.sqrt(1e-4 * 365), within(1e-12));
    returns.observe("s", 3 * DAY, 200_000_000L, CAPITAL);    // +2%: 0.5 × 1e-4 + 0.5 × 4e-4
    assertThat(returns.annualVolatility("s").getAsDouble()).isCloseTo(Math.sqrt(2.5e-4 * 365), within(1e-12));
    assertThat(returns.samples("s")).isEqualTo(3);
  }

  @Test
  void aGapOfSeveralIntervalsCountsAsOneReturnWithItsVarianceSpread() {
    StrategyReturns returns = new StrategyReturns(DAY, 1, 0.5);
    returns.observe("s", 0, 0, CAPITAL);
    returns.observe("s", 4 * DAY + 5, 200_000_000L, CAPITAL);  // +2% over 4 days: 4e-4 / 4 per day

    assertThat(returns.annualVolatility("s").getAsDouble()).isCloseTo(Math.sqrt(1e-4 * 365), within(1e-12));
  }

  @Test
  void returnsAreOnTheCapitalAllocatedAtTheStartOfTheInterval() {
    StrategyReturns returns = new StrategyReturns(DAY, 1, 0.5);
    returns.observe("s", 0, 0, CAPITAL / 2);
    returns.observe("s", DAY, 100_000_000L, CAPITAL);  // 1% of the whole capital is 2% of the half

    assertThat(returns.annualVolatility("s").getAsDouble()).isCloseTo(Math.sqrt(4e-4 * 365), within(1e-12));
  }

  @Test
  void withoutCapitalThereIsNoReturn() {
    StrategyReturns returns = new StrategyReturns(DAY, 1, 0.5);
    returns.observe("s", 0, 0, 0);
    returns.observe("s", DAY, 100, CAPITAL);

    assertThat(returns.annualVolatility("s")).isEmpty();
  }

  @Test
  void theEdgeIsSignedByTheCallAndFlatOrNonQuorateCallsAreSkipped() {
    EdgeBook edges = new EdgeBook(2, 0.5);
    assertThat(edges.observe(call(Direction.LONG, 10, 400, true))).isTrue();
    assertThat(edges.observe(call(Direction.FLAT, 50, 400, true))).isFalse();
    assertThat(edges.observe(call(Direction.LONG, 50, 400, false))).isFalse();
    assertThat(edges.observe(call(Direction.SHORT, Double.NaN, 400, true))).isFalse();
    assertThat(edges.estimate("BTC/USD")).isEmpty();
    edges.observe(call(Direction.SHORT, -30, 800, true));     // a short on a falling edge earns +30
    assertThat(edges.estimate("BTC/USD")).contains(new EdgeEstimate(20, 600));
    edges.observe(call(Direction.LONG, -20, 200, true));      // a long call on a negative edge counts against
    assertThat(edges.estimate("BTC/USD")).contains(new EdgeEstimate(0, 400));
    assertThat(edges.estimate("ETH/USD")).isEmpty();
  }

  private static Consensus call(Direction direction, double edgeBps, double varianceBps2, boolean quorum) {
    return Consensus.newBuilder().setSymbol("BTC/USD").setDirection(direction).setExpectedEdgeBps(edgeBps)
        .setEdgeVariance(varianceBps2).setQuorum(quorum).build();
  }
}
