package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentVerticle;
import dev.tradingsystem.agents.runtime.vertex.PredictionCodec;
import dev.tradingsystem.agents.runtime.vertex.VertexDefaults;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;

/**
 * The forecasting agent: {@code lagllama-agent}, signals on {@code signals.lagllama}. Its remote
 * model is Lag-Llama on a Vertex AI endpoint ({@code agents.lagllama.backend=vertex}, called with
 * {@code PredictionService.Predict}), with the built-in GARCH forecaster as the fallback.
 */
public final class LagllamaAgentVerticle extends AgentVerticle {

  public LagllamaAgentVerticle() {
    super(ServiceNames.LAGLLAMA);
  }

  @Override
  protected AgentModel createBuiltinModel(ConfigReader config) {
    return new ForecastModel(ForecastConfig.from(config));
  }

  /** Lag-Llama is a time-series model on an endpoint of its own, not a managed language model. */
  @Override
  protected VertexDefaults vertexDefaults() {
    return VertexDefaults.predict();
  }

  @Override
  protected PredictionCodec predictionCodec(ConfigReader config) {
    return new LagLlamaPredictionCodec(ForecastConfig.from(config), RemoteForecastConfig.from(config));
  }
}
