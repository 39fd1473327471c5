package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentVerticle;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;

/** The forecasting agent: {@code lagllama-agent}, signals on {@code signals.lagllama}. */
public final class LagllamaAgentVerticle extends AgentVerticle {

  public LagllamaAgentVerticle() {
    super(ServiceNames.LAGLLAMA);
  }

  @Override
  protected AgentModel createBuiltinModel(ConfigReader config) {
    return new ForecastModel(ForecastConfig.from(config));
  }
}
