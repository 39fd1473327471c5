package dev.tradingsystem.portfolio.allocation;

import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradingsystem.proto.StrategyAllocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixedFractionAllocationTest {

  private final FixedFractionAllocation policy = new FixedFractionAllocation(usd("100000"),
      Map.of("freqtrade-hft.momentum", 0.4, "hummingbot-mm.as-mm", 0.3), 0.25, 2.0);

  @Test
  void aConfiguredStrategyGetsItsFractionAndLeverage() {
    assertThat(policy.allocationFor("freqtrade-hft.momentum"))
        .extracting(StrategyAllocation::getCapitalMicros, StrategyAllocation::getMaxNotionalMicros)
        .containsExactly(usd("40000"), usd("80000"));
  }

  @Test
  void anUnknownStrategyGetsTheDefault() {
    assertThat(policy.allocationFor("new.strategy"))
        .extracting(StrategyAllocation::getStrategyId, StrategyAllocation::getCapitalMicros,
            StrategyAllocation::getMaxNotionalMicros)
        .containsExactly("new.strategy", usd("25000"), usd("50000"));
  }

  @Test
  void listsConfiguredAndSeenStrategiesSortedThenTheDefaultEntry() {
    List<StrategyAllocation> allocations = policy.allocations(List.of("alpha.seen", "hummingbot-mm.as-mm"));

    assertThat(allocations)
        .extracting(StrategyAllocation::getStrategyId, StrategyAllocation::getCapitalMicros)
        .containsExactly(
            tuple("alpha.seen", usd("25000")),
            tuple("freqtrade-hft.momentum", usd("40000")),
            tuple("hummingbot-mm.as-mm", usd("30000")),
            tuple(AllocationPolicy.DEFAULT_STRATEGY, usd("25000")));
  }
}
