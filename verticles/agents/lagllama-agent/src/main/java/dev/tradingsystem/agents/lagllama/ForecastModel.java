package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Quantile;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Probabilistic forecast of each symbol's candle log return over the next H candles, updated
 * from the closed candles that ride on the feature stream ({@code FeatureVector.closed_candle}).
 * Once warmed up every signal carries the 0.1 / 0.5 / 0.9 quantiles of the latest forecast; the
 * direction is LONG or SHORT when the median lies further from zero than
 * {@code directionThreshold} times the 10-90% spread, FLAT otherwise (and before warm-up).
 * <ul>
 *   <li>strength = {@code min(1, 2 * |median| / spread)}: a median half the spread away is a
 *       full-strength call;</li>
 *   <li>confidence = calibration times sufficiency: how close the realised 1-candle coverage of
 *       the 80% interval is to 80%, and how many residuals back the quantiles.</li>
 * </ul>
 */
public final class ForecastModel implements AgentModel {

  public static final String MODEL_ID = "lagllama-builtin-garch-fhs-v1";

  private final ForecastConfig config;
  private final Map<String, ReturnForecaster> forecasters = new HashMap<>();

  public ForecastModel(ForecastConfig config) {
    this.config = config;
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public AgentOpinion analyze(AnalyzeRequest request) {
    FeatureVector f = request.getFeatures();
    ReturnForecaster forecaster = forecasters.computeIfAbsent(f.getInstrument().getSymbol(),
        s -> new ReturnForecaster(config));
    if (f.hasClosedCandle()) {
      Candle candle = f.getClosedCandle();
      forecaster.observe(candle.getOpenTimeUs(), candle.getClose(), candle.getIntervalSec());
    }
    QuantileForecast forecast = forecaster.latest();
    if (forecast == null) {
      return AgentOpinion.noView(String.format(Locale.ROOT, "warming up: %d of %d candle returns",
          forecaster.returns(), config.warmupCandles()));
    }
    List<Quantile> quantiles = List.of(
        Quantile.newBuilder().setLevel(0.1).setValue(forecast.q10()).build(),
        Quantile.newBuilder().setLevel(0.5).setValue(forecast.q50()).build(),
        Quantile.newBuilder().setLevel(0.9).setValue(forecast.q90()).build());
    double spread = forecast.spread();
    double ratio = spread > 0 ? forecast.q50() / spread : 0;
    double calibration = AgentOpinion.unit(1 - Math.abs(forecaster.hitRate() - 0.8) / 0.8);
    double sufficiency = Math.min(1, forecaster.residuals() / (double) config.minResiduals());
    double confidence = AgentOpinion.unit(calibration * sufficiency);
    int horizonSec = forecast.horizonCandles() * forecaster.intervalSec();
    Direction direction = Math.abs(ratio) > config.directionThreshold()
        ? (ratio > 0 ? Direction.LONG : Direction.SHORT) : Direction.FLAT;
    String rationale = String.format(Locale.ROOT,
        "h=%d candles q10=%.6f q50=%.6f q90=%.6f median/spread=%.3f threshold=%.2f coverage80=%.2f quantiles=%s",
        forecast.horizonCandles(), forecast.q10(), forecast.q50(), forecast.q90(), ratio,
        config.directionThreshold(), forecaster.hitRate(), forecast.empirical() ? "empirical" : "normal");
    double strength = direction == Direction.FLAT ? 0 : AgentOpinion.unit(2 * Math.abs(ratio));
    return new AgentOpinion(direction, strength, confidence, horizonSec, quantiles, rationale);
  }
}
