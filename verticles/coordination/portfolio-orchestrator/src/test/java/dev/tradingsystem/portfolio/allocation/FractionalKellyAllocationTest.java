package dev.tradingsystem.portfolio.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.portfolio.allocation.RiskInputs.EdgeEstimate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FractionalKellyAllocationTest {

  private static final double EPS = 1e-12;

  @ParameterizedTest(name = "edge {0} bps, variance {1} bps² → f* {2}")
  @CsvSource({
      // f* = (edge / 1e4) / (variance / 1e8) = edge × 1e4 / variance
      "1,    10000, 1.0",      // σ 100 bps: 0.0001 / 0.01
      "2,    40000, 0.5",      // σ 200 bps: 0.0002 / 0.04
      "20,   2500,  80.0",     // σ 50 bps: 0.002 / 0.000025 -- a short-horizon edge asks for leverage
      "0,    2500,  0",
      "-20,  2500,  0",        // negative edge: no bet
  })
  void fullKellyFromTheEdgeAndItsVariance(double edgeBps, double varianceBps2, double kelly) {
    assertThat(FractionalKellyAllocation.kelly(edgeBps, varianceBps2)).isCloseTo(kelly, within(1e-9));
  }

  @ParameterizedTest(name = "edge {0} bps, variance {1}, fraction {2}, max {3} → share {4}")
  @CsvSource({
      "1,   10000, 0.25, 0.5, 0.25",
      "1,   10000, 0.5,  0.5, 0.5",
      "2,   40000, 0.25, 0.5, 0.125",
      "1.5, 10000, 0.25, 0.5, 0.375",
      "20,  2500,  0.25, 0.5, 0.5",   // quarter Kelly 20 clipped to maxShare
      "-20, 2500,  0.25, 0.5, 0",
  })
  void fractionOfKellyClippedToTheMaxShare(double edgeBps, double varianceBps2, double fraction, double maxShare,
      double share) {
    RiskInputs inputs = new RiskInputs(Map.of(), 0.25, Map.of(), Map.of("s", new EdgeEstimate(edgeBps, varianceBps2)));

    Map<String, Double> shares = new FractionalKellyAllocation(fraction, maxShare).shares(List.of("s"), inputs);

    assertThat(shares.get("s")).isCloseTo(share, within(EPS));
  }

  @Test
  void withoutAnEstimateOrWithZeroVarianceAStrategyKeepsItsBaseShare() {
    RiskInputs inputs = new RiskInputs(Map.of("mm", 0.3), 0.1, Map.of(),
        Map.of("mm", new EdgeEstimate(20, 0), "nan", new EdgeEstimate(20, Double.NaN)));

    Map<String, Double> shares = new FractionalKellyAllocation(0.25, 0.5).shares(List.of("mm", "nan", "new"), inputs);

    assertThat(shares).containsExactlyInAnyOrderEntriesOf(Map.of("mm", 0.3, "nan", 0.1, "new", 0.1));
  }
}
