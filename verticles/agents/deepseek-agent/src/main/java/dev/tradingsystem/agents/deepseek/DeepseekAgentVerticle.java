package dev.tradingsystem.agents.deepseek;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentVerticle;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;

/** The momentum agent: {@code deepseek-agent}, signals on {@code signals.deepseek}. */
public final class DeepseekAgentVerticle extends AgentVerticle {

  public DeepseekAgentVerticle() {
    super(ServiceNames.DEEPSEEK);
  }

  @Override
  protected AgentModel createBuiltinModel(ConfigReader config) {
    return new MomentumModel(MomentumConfig.from(config));
  }
}
