package dev.tradingsystem.coordinator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.proto.Quantile;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuantileForecastTest {

  private static Quantile q(double level, double value) {
    return Quantile.newBuilder().setLevel(level).setValue(value).build();
  }

  @Test
  void medianIsTheHalfQuantileOrInterpolatedAroundIt() {
    assertThat(new QuantileForecast(List.of(q(0.9, 0.02), q(0.5, 0.01), q(0.1, 0))).median()).hasValue(0.01);
    assertThat(new QuantileForecast(List.of(q(0.25, -0.01), q(0.75, 0.03))).median().getAsDouble()).isCloseTo(0.01, within(1e-12));
    assertThat(new QuantileForecast(List.of(q(0.6, 0.01), q(0.9, 0.02))).median()).isEmpty();
    assertThat(new QuantileForecast(List.of()).median()).isEmpty();
  }

  @Test
  void sigmaComesFromTheWidestPair() {
    double sigma = new QuantileForecast(List.of(q(0.1, -0.0128155), q(0.5, 0), q(0.9, 0.0128155))).sigma().getAsDouble();

    assertThat(sigma).isCloseTo(0.01, within(1e-6));
  }

  @Test
  void unusableOrCrossedQuantilesGiveNoSigma() {
    assertThat(new QuantileForecast(List.of(q(0.5, 0.01))).sigma()).isEmpty();
    assertThat(new QuantileForecast(List.of(q(0.1, 0.02), q(0.9, -0.02))).sigma()).as("crossed").isEmpty();
    assertThat(new QuantileForecast(List.of(q(0.1, Double.NaN), q(1.5, 0.02), q(0.5, 0.01))).sigma()).isEmpty();
  }
}
