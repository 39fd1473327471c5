package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentVerticle;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;

/** The microstructure agent: {@code qwen-agent}, signals on {@code signals.qwen}. */
public final class QwenAgentVerticle extends AgentVerticle {

  public QwenAgentVerticle() {
    super(ServiceNames.QWEN);
  }

  @Override
  protected AgentModel createBuiltinModel(ConfigReader config) {
    return new MicrostructureModel(MicrostructureConfig.from(config));
  }
}
