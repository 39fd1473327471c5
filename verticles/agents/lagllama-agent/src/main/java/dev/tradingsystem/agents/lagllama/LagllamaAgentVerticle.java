package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentVerticle;
import dev.tradingsystem.agents.runtime.vertex.PredictionCodec;
import dev.tradingsystem.agents.runtime.vertex.VertexDefaults;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.List;

/**
 * The forecasting agent: {@code lagllama-agent}, signals on {@code signals.lagllama}. Its remote
 * model is Lag-Llama on a Vertex AI endpoint ({@code agents.lagllama.backend=vertex}, called with
 * {@code PredictionService.Predict}), with the built-in GARCH forecaster as the fallback. Over MCP
 * ({@code /mcp/lagllama}) it answers {@code forecast(symbol, horizon)} from the built-in
 * forecaster ({@link ForecastTool}).
 */
public final class LagllamaAgentVerticle extends AgentVerticle {

  /** The built-in model the runtime asks on every event; the forecast tool reads it. */
  private ForecastModel model;

  public LagllamaAgentVerticle() {
    super(ServiceNames.LAGLLAMA);
  }

  @Override
  protected AgentModel createBuiltinModel(ConfigReader config) {
    // One model however often the runtime builds one (a remote backend's fallback too).
    if (model == null) {
      model = new ForecastModel(ForecastConfig.from(config));
    }
    return model;
  }

  /** {@code forecast(symbol, horizon)}: the built-in forecaster's current quantiles, read-only. */
  @Override
  protected List<McpTool> mcpTools(ConfigReader config) {
    return List.of(ForecastTool.create((ForecastModel) createBuiltinModel(config)));
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
