package dev.tradingsystem.portfolio.allocation;

import static dev.tradingsystem.portfolio.Fixtures.BTC_USD;
import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.AllocationState;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.StrategyAllocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The allocator end to end: budgets from equity and measurements, on the schedule and on risk events. */
class CapitalAllocationTest {

  private static final long DAY = 86_400_000_000L;
  private static final long T0 = 1_385_337_600_000_000L;
  private static final Map<String, Double> BASE = Map.of("a", 0.25, "b", 0.25);
  private static final double VOL_1PCT_DAILY = Math.sqrt(1e-4 * 365);

  @Test
  void beforeTheFirstReallocationBudgetsAreTheFixedFractionsOfTheInitialCapital() {
    CapitalAllocator allocator = allocator(new VolatilityTargetAllocation(0.2, 0.5));
    FixedFractionAllocation fixed = new FixedFractionAllocation(usd("100000"), BASE, 0.1, 2.0);

    assertThat(allocator.allocations(List.of("seen"))).isEqualTo(fixed.allocations(List.of("seen")));
    assertThat(allocator.allocationFor("other")).isEqualTo(fixed.allocationFor("other"));
    assertThat(allocator.state().getReason()).isEqualTo("initial");
    assertThat(allocator.state().getPolicy()).isEqualTo("volatility-target");
  }

  @Test
  void volatilityTargetingHalvesAStrategyThatSwingsTwiceTheTarget() {
    CapitalAllocator allocator = allocator(new VolatilityTargetAllocation(VOL_1PCT_DAILY / 2, 0.5));
    // a earns +1% then -1% of its 25,000 budget; b never trades (zero volatility keeps its base share).
    assertThat(allocator.onPortfolioState(state(0, "100000", Map.of("a", "0")))).isEmpty();
    assertThat(allocator.onPortfolioState(state(1, "100250", Map.of("a", "250")))).isEmpty();
    Optional<AllocationState> changed = allocator.onPortfolioState(state(2, "120000", Map.of("a", "0")));

    assertThat(changed).isPresent();
    assertThat(changed.get().getReason()).isEqualTo("schedule");
    assertThat(changed.get().getChangedAtUs()).isEqualTo(T0 + 2 * DAY);
    assertThat(changed.get().getAllocationsList())
        .extracting(StrategyAllocation::getStrategyId, StrategyAllocation::getCapitalMicros,
            StrategyAllocation::getMaxNotionalMicros)
        .containsExactly(
            tuple("a", usd("15000"), usd("30000")),     // 120,000 × 0.25 × ½
            tuple("b", usd("30000"), usd("60000")),
            tuple("*", usd("12000"), usd("24000")));
    assertThat(allocator.allocationFor("a").getCapitalMicros()).isEqualTo(usd("15000"));
  }

  @Test
  void aCriticalAlertCutsEveryBudgetByTheRiskEventScale() {
    CapitalAllocator allocator = allocator(BudgetPolicy.fixed());
    allocator.onPortfolioState(state(0, "80000", Map.of()));

    AllocationState cut = allocator.onAlert(RiskAlert.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(T0 + 1000).setTraceId("t-9"))
        .setSeverity(AlertSeverity.CRITICAL).setCode("DRAWDOWN").build()).orElseThrow();

    assertThat(cut.getReason()).isEqualTo("risk-alert CRITICAL DRAWDOWN");
    assertThat(cut.getMeta().getTraceId()).isEqualTo("t-9");
    // Fixed shares are of the initial capital (100,000), not of the equity (80,000): today's budgets, halved.
    assertThat(cut.getAllocationsList()).extracting(StrategyAllocation::getStrategyId, StrategyAllocation::getCapitalMicros)
        .containsExactly(tuple("a", usd("12500")), tuple("b", usd("12500")), tuple("*", usd("5000")));
  }

  @Test
  void anOperatorChangeLandsAtTheNextPortfolioStateWhateverTheMinimumInterval() {
    CapitalAllocator allocator = allocator(BudgetPolicy.fixed());
    allocator.onPortfolioState(state(0, "100000", Map.of()));

    AllocationState pending = allocator.command(new RiskParityAllocation(0.5),
        Map.of("a", StrategyAllocation.newBuilder().setStrategyId("a").setCapitalMicros(1).build()), "operator: test",
        Meta.newBuilder().setTraceId("op-1").build());
    assertThat(pending.getPolicy()).isEqualTo("risk-parity");
    assertThat(pending.getReason()).startsWith("operator: test (pending");
    assertThat(allocator.allocationFor("a").getCapitalMicros()).isEqualTo(usd("25000"));

    // Measured policies drop operator budgets; the change runs at the next state, even at the same event time.
    AllocationState landed = allocator.onPortfolioState(state(0, "90000", Map.of())).orElseThrow();
    assertThat(landed.getReason()).isEqualTo("operator: test");
    assertThat(allocator.allocationFor("a").getCapitalMicros()).isEqualTo(usd("22500"));
  }

  @Test
  void kellySizesAStrategyOnTheEdgeOfItsSymbol() {
    CapitalAllocator allocator = allocator(new FractionalKellyAllocation(0.25, 0.5));
    allocator.onConsensus(Consensus.newBuilder().setSymbol("BTC/USD").setDirection(Direction.LONG)
        .setExpectedEdgeBps(1).setEdgeVariance(10_000).setQuorum(true).build());
    allocator.onConsensus(Consensus.newBuilder().setSymbol("BTC/USD").setDirection(Direction.LONG)
        .setExpectedEdgeBps(1).setEdgeVariance(10_000).setQuorum(true).build());
    allocator.onPortfolioState(state(0, "100000", Map.of("a", "0")));

    AllocationState changed = allocator.onPortfolioState(state(2, "100000", Map.of("a", "0"))).orElseThrow();

    // a trades BTC/USD: f* = 1, quarter Kelly 0.25; b has no symbol yet and keeps its base share.
    assertThat(changed.getAllocationsList()).extracting(StrategyAllocation::getStrategyId, StrategyAllocation::getCapitalMicros)
        .containsExactly(tuple("a", usd("25000")), tuple("b", usd("25000")), tuple("*", usd("10000")));
  }

  @ParameterizedTest(name = "shares {0} / {1} / {2} → {3} / {4} / {5}")
  @CsvSource({
      "0.2, 0.3, 0.4, 0.2,  0.3,  0.4",     // under the whole equity: unchanged
      "0.5, 0.5, 0.5, 0.333333333333, 0.333333333333, 0.333333333333",
      "1.0, 0.5, 0.5, 0.5,  0.25, 0.25",
      "NaN, -1,  0.5, 0,    0,    0.5",     // nonsense counts as nothing
  })
  void budgetsNeverPromiseMoreThanTheWholeEquity(double a, double b, double c, double ea, double eb, double ec) {
    Map<String, Double> capped = Budgets.capTotal(Map.of("a", a, "b", b, "c", c));

    assertThat(capped.get("a")).isCloseTo(ea, within(1e-9));
    assertThat(capped.get("b")).isCloseTo(eb, within(1e-9));
    assertThat(capped.get("c")).isCloseTo(ec, within(1e-9));
  }

  private static CapitalAllocator allocator(BudgetPolicy policy) {
    return new CapitalAllocator(policy, new Reallocator(2 * DAY, DAY / 24, 0.5), new StrategyReturns(DAY, 2, 0.5),
        new EdgeBook(2, 0.5), usd("100000"), BASE, 0.1, 2.0);
  }

  private static PortfolioState state(int day, String equity, Map<String, String> pnlByStrategy) {
    PortfolioState.Builder state = PortfolioState.newBuilder()
        .setMeta(Meta.newBuilder().setSeq(day + 1L).setEventTimeUs(T0 + day * DAY).setTraceId("t-" + (day + 1)))
        .setEquityMicros(usd(equity));
    pnlByStrategy.forEach((strategy, pnl) -> state.addPositions(Position.newBuilder().setStrategyId(strategy)
        .setInstrument(BTC_USD).setRealizedPnlMicros(usd(pnl))));
    return state.build();
  }
}
