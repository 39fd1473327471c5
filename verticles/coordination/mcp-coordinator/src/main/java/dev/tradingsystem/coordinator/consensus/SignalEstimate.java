package dev.tradingsystem.coordinator.consensus;

import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Direction;
import java.util.OptionalDouble;

/**
 * One signal read as an expected edge over its horizon with a variance, both in basis points
 * (variance in bps squared). {@code S} below is the edge scale: the edge a full-strength
 * directional call stands for.
 * <ul>
 *   <li>Forecast (quantiles with a usable median m of the log return): edge = m x 10^4; variance
 *       = sigma^2 with sigma (bps) the normal approximation from the widest quantile pair
 *       ({@link QuantileForecast#sigma()}). The quantiles are the agent's full statement, so its
 *       direction and strength are not read. Without a positive sigma the variance falls back to
 *       the directional rule below.</li>
 *   <li>Directional: edge = d x s x S (d = +1 LONG, -1 SHORT, 0 FLAT; strength s in [0, 1]);
 *       variance = S^2 / c with confidence c in [0, 1]: a fully confident call is a one-sigma
 *       edge, halving the confidence doubles the variance, and c = 0 says nothing.</li>
 * </ul>
 * Confidence and strength outside [0, 1] are clamped, non-finite ones read as 0.
 *
 * @param edgeBps      expected edge in bps
 * @param varianceBps2 variance of that edge in bps squared; infinite when the signal carries no
 *                     information (confidence 0)
 * @param source       how the estimate was read
 */
public record SignalEstimate(double edgeBps, double varianceBps2, Source source) {

  private static final double BPS = 10_000;

  /** How a signal was read. */
  public enum Source { FORECAST, DIRECTIONAL }

  public static SignalEstimate of(AgentSignal signal, double edgeScaleBps) {
    if (!(edgeScaleBps > 0) || !Double.isFinite(edgeScaleBps)) {
      throw new IllegalArgumentException("edgeScaleBps must be a finite number > 0, got " + edgeScaleBps);
    }
    double confidence = unit(signal.getConfidence());
    double confidenceVariance = confidence > 0 ? edgeScaleBps * edgeScaleBps / confidence : Double.POSITIVE_INFINITY;
    QuantileForecast forecast = new QuantileForecast(signal.getQuantilesList());
    OptionalDouble median = forecast.median();
    if (median.isPresent()) {
      double sigmaBps = forecast.sigma().orElse(0) * BPS;
      double variance = sigmaBps > 0 ? sigmaBps * sigmaBps : confidenceVariance;
      return new SignalEstimate(median.getAsDouble() * BPS, variance, Source.FORECAST);
    }
    double edge = sign(signal.getDirection()) * unit(signal.getStrength()) * edgeScaleBps;
    return new SignalEstimate(edge, confidenceVariance, Source.DIRECTIONAL);
  }

  /** 1 / variance: 0 for a signal without information. */
  public double precision() {
    return varianceBps2 > 0 && Double.isFinite(varianceBps2) ? 1 / varianceBps2 : 0;
  }

  /** The side the signal leans to: +1, -1, or 0 for no edge. */
  public int sign() {
    return edgeBps > 0 ? 1 : edgeBps < 0 ? -1 : 0;
  }

  static int sign(Direction direction) {
    return direction == Direction.LONG ? 1 : direction == Direction.SHORT ? -1 : 0;
  }

  static double unit(double value) {
    return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
  }
}
