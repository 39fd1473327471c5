package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ServiceLauncher;

/** Runs the microstructure agent as its own process. */
public final class QwenAgentMain {

  private QwenAgentMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.main(args, ServiceNames.QWEN, () -> new QwenAgentVerticle());
  }
}
