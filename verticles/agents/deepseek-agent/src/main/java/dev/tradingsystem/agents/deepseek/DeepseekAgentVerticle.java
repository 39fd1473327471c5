package dev.tradingsystem.agents.deepseek;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentVerticle;
import dev.tradingsystem.agents.runtime.PromptTemplate;
import dev.tradingsystem.agents.runtime.vertex.VertexDefaults;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.List;

/**
 * The momentum agent: {@code deepseek-agent}, signals on {@code signals.deepseek}. With a remote
 * backend its prompt carries the coordinator's {@code forecast} (lagllama-agent's quantiles) as
 * context unless {@code agents.deepseek.mcp.context} says otherwise: a language model judging
 * momentum also sees what the forecaster expects.
 */
public final class DeepseekAgentVerticle extends AgentVerticle {

  public DeepseekAgentVerticle() {
    super(ServiceNames.DEEPSEEK);
  }

  @Override
  protected AgentModel createBuiltinModel(ConfigReader config) {
    return new MomentumModel(MomentumConfig.from(config));
  }

  @Override
  protected PromptTemplate promptTemplate(ConfigReader config) {
    return MomentumPrompt.template(MomentumConfig.from(config).horizonSec());
  }

  @Override
  protected List<String> defaultContext() {
    return List.of("forecast");
  }

  /** DeepSeek as Vertex AI serves it (model-as-a-service); {@code agents.<short>.vertex.model} overrides. */
  @Override
  protected VertexDefaults vertexDefaults() {
    return VertexDefaults.genAi("deepseek-ai/deepseek-v3.1-maas");
  }
}
