package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.money.FixedPoint;
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
  private final Map<String, Candle> lastCandles = new HashMap<>();

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
      if (forecaster.observe(candle.getOpenTimeUs(), candle.getClose(), candle.getIntervalSec())) {
        lastCandles.put(f.getInstrument().getSymbol(), candle);
      }
    }
    QuantileForecast forecast = forecaster.latest();
    if (forecast == null) {
      return AgentOpinion.noView(warmingUp(forecaster));
    }
    return opinion(forecaster, forecast);
  }

  /**
   * The current forecast of a symbol over {@code horizonCandles}, from the state its last closed
   * candle left; it reads the model and changes nothing.
   *
   * @throws ForecastUnavailable when the symbol has had no candle or is still warming up
   */
  public ForecastSnapshot snapshot(String symbol, int horizonCandles) {
    ReturnForecaster forecaster = forecasters.get(symbol);
    Candle last = lastCandles.get(symbol);
    if (forecaster == null || last == null) {
      throw new ForecastUnavailable(ForecastUnavailable.NO_CANDLES, "no candles for " + symbol + " yet");
    }
    QuantileForecast forecast = forecaster.forecastAt(horizonCandles);
    if (forecast == null) {
      throw new ForecastUnavailable(ForecastUnavailable.WARMING_UP, symbol + " is " + warmingUp(forecaster));
    }
    return new ForecastSnapshot(symbol, forecast, opinion(forecaster, forecast), forecaster.intervalSec(),
        last.getOpenTimeUs(), FixedPoint.toDouble(last.getClose(), last.getInstrument().getPriceScale()),
        forecaster.hitRate(), forecaster.residuals());
  }

  public ForecastConfig config() {
    return config;
  }

  private String warmingUp(ReturnForecaster forecaster) {
    return String.format(Locale.ROOT, "warming up: %d of %d candle returns", forecaster.returns(),
        config.warmupCandles());
  }

  private AgentOpinion opinion(ReturnForecaster forecaster, QuantileForecast forecast) {
    double calibration = AgentOpinion.unit(1 - Math.abs(forecaster.hitRate() - 0.8) / 0.8);
    double sufficiency = Math.min(1, forecaster.residuals() / (double) config.minResiduals());
    return ForecastOpinion.of(forecast.q10(), forecast.q50(), forecast.q90(), forecast.horizonCandles(),
        forecaster.intervalSec(), config.directionThreshold(), calibration * sufficiency,
        String.format(Locale.ROOT, "coverage80=%.2f quantiles=%s", forecaster.hitRate(),
            forecast.empirical() ? "empirical" : "normal"));
  }
}
