package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Probabilistic forecast of each symbol's candle log return over the next H candles, updated
 * from the closed candles that ride on the feature stream ({@code FeatureVector.closed_candle}).
 * Once warmed up every signal carries the 0.1 / 0.5 / 0.9 quantiles of the latest forecast,
 * turned into a direction and strength by {@link ForecastOpinion} (FLAT before warm-up);
 * confidence = calibration times sufficiency: how close the realised 1-candle coverage of the
 * 80% interval is to 80%, and how many residuals back the quantiles.
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
    double calibration = AgentOpinion.unit(1 - Math.abs(forecaster.hitRate() - 0.8) / 0.8);
    double sufficiency = Math.min(1, forecaster.residuals() / (double) config.minResiduals());
    return ForecastOpinion.of(forecast.q10(), forecast.q50(), forecast.q90(), forecast.horizonCandles(),
        forecaster.intervalSec(), config.directionThreshold(), calibration * sufficiency,
        String.format(Locale.ROOT, "coverage80=%.2f quantiles=%s", forecaster.hitRate(),
            forecast.empirical() ? "empirical" : "normal"));
  }
}
