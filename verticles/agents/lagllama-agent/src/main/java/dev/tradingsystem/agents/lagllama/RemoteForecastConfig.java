package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.agents.runtime.AgentRuntimeConfig;
import dev.tradingsystem.shared.config.ConfigReader;

/**
 * What the agent sends to Lag-Llama on Vertex AI ({@code agents.lagllama.vertex.*}, beside the
 * runtime's endpoint keys); the horizon is the built-in forecaster's
 * ({@code agents.lagllama.horizonCandles}), so both answer the same question.
 *
 * @param contextLength candle returns sent as context. Lag-Llama was trained on contexts up to
 *                      a few hundred steps: longer sees more regimes but costs request size and
 *                      model latency, and the agent answers from the built-in model (degraded
 *                      {@code not_ready}) until that many returns were seen
 */
public record RemoteForecastConfig(int contextLength) {

  public static final int DEFAULT_CONTEXT_LENGTH = 256;

  public static String key(String setting) {
    return AgentRuntimeConfig.key("lagllama", "vertex." + setting);
  }

  public static RemoteForecastConfig from(ConfigReader config) {
    return new RemoteForecastConfig(config.integer(key("contextLength"), DEFAULT_CONTEXT_LENGTH, 32, 4_096));
  }
}
