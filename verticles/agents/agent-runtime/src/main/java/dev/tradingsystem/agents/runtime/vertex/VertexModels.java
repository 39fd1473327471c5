package dev.tradingsystem.agents.runtime.vertex;

import dev.tradingsystem.agents.runtime.BudgetConfig;
import dev.tradingsystem.agents.runtime.PromptTemplate;
import dev.tradingsystem.agents.runtime.RemoteCallPolicy;
import dev.tradingsystem.agents.runtime.RemoteModel;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Vertx;
import java.util.function.Function;

/**
 * The {@code vertex} backend ({@code agents.<short>.backend=vertex}): reads
 * {@code agents.<short>.vertex.*} and builds the model for the configured API, Gen AI for
 * managed models or {@code PredictionService} for an endpoint of one's own.
 */
public final class VertexModels {

  /** The value of {@code agents.<short>.backend} that selects Vertex AI. */
  public static final String NAME = "vertex";

  private VertexModels() {
  }

  /**
   * @param defaults the agent's API and model when config names none
   * @param prompt   how the agent asks a language model (Gen AI)
   * @param codecs   the agent's prediction codec for {@code api=predict}, built only when used
   * @throws dev.tradingsystem.shared.config.ConfigException naming a missing or malformed key
   */
  public static RemoteModel create(Vertx vertx, String agent, ConfigReader config, VertexDefaults defaults,
      PromptTemplate prompt, Function<ConfigReader, PredictionCodec> codecs) {
    VertexConfig vertex = VertexConfig.from(config, agent, defaults);
    int timeoutMs = RemoteCallPolicy.from(config, agent, NAME).timeoutMs();
    int maxAnswerTokens = BudgetConfig.from(config, agent).maxAnswerTokens();
    return switch (vertex.api()) {
      case GENAI -> new VertexGenAiModel(vertx, agent, vertex, prompt, timeoutMs, maxAnswerTokens);
      case PREDICT -> new VertexPredictModel(vertx, agent, vertex, codecs.apply(config), timeoutMs, maxAnswerTokens);
    };
  }
}
