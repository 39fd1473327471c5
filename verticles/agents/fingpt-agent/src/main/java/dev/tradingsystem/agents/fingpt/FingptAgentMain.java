package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ServiceLauncher;

/** Runs the sentiment agent as its own process. */
public final class FingptAgentMain {

  private FingptAgentMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.main(args, ServiceNames.FINGPT, () -> new FingptAgentVerticle());
  }
}
