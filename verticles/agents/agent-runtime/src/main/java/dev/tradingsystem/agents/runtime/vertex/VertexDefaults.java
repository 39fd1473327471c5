package dev.tradingsystem.agents.runtime.vertex;

import java.util.Objects;

/**
 * What an agent asks on Vertex AI when its config names nothing: which API and which managed
 * model. Defaults only: {@code agents.<short>.vertex.api} and {@code .model} override both, and
 * model ids change as Google adds and retires models, so operators should treat them as config.
 *
 * @param api   {@link VertexConfig.Api#GENAI} for managed models (Gemini, and the DeepSeek or
 *              Qwen models Vertex AI serves as a service), {@link VertexConfig.Api#PREDICT} for a
 *              model deployed on an endpoint of one's own (Model Garden, a custom container)
 * @param model the Gen AI model id, e.g. {@code gemini-2.5-flash} or
 *              {@code deepseek-ai/deepseek-v3.1-maas} (publisher/model)
 */
public record VertexDefaults(VertexConfig.Api api, String model) {

  /** A small, cheap managed model: the runtime's choice for an agent without its own. */
  public static final String DEFAULT_MODEL = "gemini-2.5-flash";

  /** The runtime's default: Gen AI with {@value #DEFAULT_MODEL}. */
  public static final VertexDefaults RUNTIME = genAi(DEFAULT_MODEL);

  public VertexDefaults {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(model, "model");
  }

  /** A managed model through the Gen AI API. */
  public static VertexDefaults genAi(String model) {
    return new VertexDefaults(VertexConfig.Api.GENAI, model);
  }

  /** An endpoint of one's own through {@code PredictionService.Predict}. */
  public static VertexDefaults predict() {
    return new VertexDefaults(VertexConfig.Api.PREDICT, DEFAULT_MODEL);
  }
}
