package dev.tradingsystem.agents.deepseek;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ServiceLauncher;

/** Runs the momentum agent as its own process. */
public final class DeepseekAgentMain {

  private DeepseekAgentMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.main(args, ServiceNames.DEEPSEEK, () -> new DeepseekAgentVerticle());
  }
}
