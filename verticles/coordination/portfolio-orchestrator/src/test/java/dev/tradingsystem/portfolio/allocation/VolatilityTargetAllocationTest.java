package dev.tradingsystem.portfolio.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolatilityTargetAllocationTest {

  private static final double EPS = 1e-12;

  @ParameterizedTest(name = "base {0}, σ {1}, target {2}, max {3} → share {4}")
  @CsvSource({
      // base share × target / σ, capped at maxShare
      "0.25, 0.20, 0.10, 0.40, 0.125",
      "0.25, 0.10, 0.10, 0.40, 0.25",
      "0.25, 0.40, 0.10, 0.40, 0.0625",
      "0.25, 0.05, 0.10, 0.40, 0.40",    // 0.5 before the cap
      "0.10, 0.25, 0.10, 0.40, 0.04",
      "0.50, 0.30, 0.15, 1.00, 0.25",
  })
  void scalesTheBaseShareToTheTargetVolatility(double base, double vol, double target, double maxShare, double share) {
    RiskInputs inputs = new RiskInputs(Map.of("s", base), 0, Map.of("s", vol), Map.of());

    Map<String, Double> shares = new VolatilityTargetAllocation(target, maxShare).shares(List.of("s"), inputs);

    assertThat(shares.get("s")).isCloseTo(share, within(EPS));
  }

  @Test
  void withoutHistoryOrWithoutMeasuredRiskAStrategyKeepsItsBaseShare() {
    RiskInputs inputs = new RiskInputs(Map.of("calm", 0.3), 0.2,
        Map.of("calm", 0.0, "broken", Double.NaN), Map.of());

    Map<String, Double> shares = new VolatilityTargetAllocation(0.1, 0.5)
        .shares(List.of("broken", "calm", "new"), inputs);

    assertThat(shares).containsExactlyInAnyOrderEntriesOf(Map.of("broken", 0.2, "calm", 0.3, "new", 0.2));
  }

  @Test
  void manyStrategiesEachSizedOnItsOwnVolatility() {
    RiskInputs inputs = new RiskInputs(Map.of(), 0.1,
        Map.of("a", 0.1, "b", 0.2, "c", 0.4, "d", 0.05), Map.of());

    Map<String, Double> shares = new VolatilityTargetAllocation(0.2, 0.3).shares(List.of("a", "b", "c", "d"), inputs);

    assertThat(shares.get("a")).isCloseTo(0.2, within(EPS));
    assertThat(shares.get("b")).isCloseTo(0.1, within(EPS));
    assertThat(shares.get("c")).isCloseTo(0.05, within(EPS));
    assertThat(shares.get("d")).isCloseTo(0.3, within(EPS));
  }

  @Test
  void refusesANonPositiveTarget() {
    assertThatThrownBy(() -> new VolatilityTargetAllocation(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
