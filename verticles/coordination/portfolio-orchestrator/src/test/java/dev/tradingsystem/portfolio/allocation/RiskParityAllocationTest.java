package dev.tradingsystem.portfolio.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskParityAllocationTest {

  private static final double EPS = 1e-12;

  @ParameterizedTest(name = "bases {0}/{1}, σ {2}/{3}, max {4} → {5} / {6}")
  @CsvSource({
      // pool = sum of base shares, split by 1/σ
      "0.50, 0.50, 0.10, 0.20, 1.0, 0.666666666666667, 0.333333333333333",
      "0.25, 0.25, 0.10, 0.20, 1.0, 0.333333333333333, 0.166666666666667",
      "0.40, 0.20, 0.30, 0.30, 1.0, 0.30,              0.30",
      "0.50, 0.50, 0.10, 0.20, 0.5, 0.50,              0.333333333333333",  // cut part stays in cash
  })
  void splitsThePoolInverseToVolatility(double baseA, double baseB, double volA, double volB, double maxShare,
      double shareA, double shareB) {
    RiskInputs inputs = new RiskInputs(Map.of("a", baseA, "b", baseB), 0, Map.of("a", volA, "b", volB), Map.of());

    Map<String, Double> shares = new RiskParityAllocation(maxShare).shares(List.of("a", "b"), inputs);

    assertThat(shares.get("a")).isCloseTo(shareA, within(1e-9));
    assertThat(shares.get("b")).isCloseTo(shareB, within(1e-9));
  }

  @Test
  void threeStrategiesGetFourSeventhsTwoSeventhsOneSeventh() {
    RiskInputs inputs = new RiskInputs(Map.of(), 1.0 / 3, Map.of("a", 0.1, "b", 0.2, "c", 0.4), Map.of());

    Map<String, Double> shares = new RiskParityAllocation(1).shares(List.of("a", "b", "c"), inputs);

    assertThat(shares.get("a")).isCloseTo(4.0 / 7, within(EPS));
    assertThat(shares.get("b")).isCloseTo(2.0 / 7, within(EPS));
    assertThat(shares.get("c")).isCloseTo(1.0 / 7, within(EPS));
  }

  @Test
  void aStrategyWithoutHistoryKeepsItsBaseShareOutsideThePool() {
    RiskInputs inputs = new RiskInputs(Map.of(), 0.25, Map.of("a", 0.1, "b", 0.2, "flat", 0.0), Map.of());

    Map<String, Double> shares = new RiskParityAllocation(1).shares(List.of("a", "b", "flat", "new"), inputs);

    assertThat(shares.get("a")).isCloseTo(1.0 / 3, within(EPS));
    assertThat(shares.get("b")).isCloseTo(1.0 / 6, within(EPS));
    assertThat(shares.get("flat")).isEqualTo(0.25);
    assertThat(shares.get("new")).isEqualTo(0.25);
  }

  @Test
  void oneStrategyKeepsItsWholePool() {
    RiskInputs inputs = new RiskInputs(Map.of("only", 0.3), 0, Map.of("only", 0.15), Map.of());

    assertThat(new RiskParityAllocation(1).shares(List.of("only"), inputs).get("only")).isCloseTo(0.3, within(EPS));
  }

  @Test
  void manyStrategiesWithEqualVolatilityShareEqually() {
    List<String> ids = List.of("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9");
    Map<String, Double> vols = new java.util.TreeMap<>();
    ids.forEach(id -> vols.put(id, 0.25));
    RiskInputs inputs = new RiskInputs(Map.of(), 0.1, vols, Map.of());

    Map<String, Double> shares = new RiskParityAllocation(1).shares(ids, inputs);

    assertThat(shares.values()).allSatisfy(s -> assertThat(s).isCloseTo(0.1, within(EPS)));
  }
}
