package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Quantile;
import java.util.List;
import java.util.Locale;

/**
 * How a quantile forecast of the H-candle log return becomes an opinion, the same for the
 * built-in forecaster and for Lag-Llama on Vertex AI, so the two are interchangeable behind the
 * fallback. The direction is LONG or SHORT when the median lies further from zero than
 * {@code directionThreshold} times the 10-90% spread, FLAT otherwise; strength =
 * {@code min(1, 2 * |median| / spread)}, so a median half the spread away is a full-strength
 * call. The 0.1 / 0.5 / 0.9 quantiles ride on the opinion either way.
 */
final class ForecastOpinion {

  /** The quantile levels every forecast carries, ascending. */
  static final double[] LEVELS = {0.1, 0.5, 0.9};

  private ForecastOpinion() {
  }

  /**
   * @param horizonCandles H, the candles the forecast spans
   * @param intervalSec    candle length; H times it is the signal's horizon
   * @param confidence     how far the forecaster's realised coverage earns trust, in [0, 1]
   * @param detail         what produced the quantiles, appended to the rationale
   */
  static AgentOpinion of(double q10, double q50, double q90, int horizonCandles, int intervalSec,
      double directionThreshold, double confidence, String detail) {
    List<Quantile> quantiles = List.of(
        Quantile.newBuilder().setLevel(LEVELS[0]).setValue(q10).build(),
        Quantile.newBuilder().setLevel(LEVELS[1]).setValue(q50).build(),
        Quantile.newBuilder().setLevel(LEVELS[2]).setValue(q90).build());
    double spread = q90 - q10;
    double ratio = spread > 0 ? q50 / spread : 0;
    Direction direction = Math.abs(ratio) > directionThreshold
        ? (ratio > 0 ? Direction.LONG : Direction.SHORT) : Direction.FLAT;
    double strength = direction == Direction.FLAT ? 0 : AgentOpinion.unit(2 * Math.abs(ratio));
    String rationale = String.format(Locale.ROOT,
        "h=%d candles q10=%.6f q50=%.6f q90=%.6f median/spread=%.3f threshold=%.2f %s",
        horizonCandles, q10, q50, q90, ratio, directionThreshold, detail);
    return new AgentOpinion(direction, strength, AgentOpinion.unit(confidence), horizonCandles * intervalSec,
        quantiles, rationale);
  }
}
