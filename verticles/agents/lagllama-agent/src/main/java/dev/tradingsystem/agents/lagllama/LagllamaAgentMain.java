package dev.tradingsystem.agents.lagllama;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ServiceLauncher;

/** Runs the forecasting agent as its own process. */
public final class LagllamaAgentMain {

  private LagllamaAgentMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.main(args, ServiceNames.LAGLLAMA, () -> new LagllamaAgentVerticle());
  }
}
