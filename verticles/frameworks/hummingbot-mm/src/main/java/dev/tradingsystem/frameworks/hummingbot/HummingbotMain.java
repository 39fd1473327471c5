package dev.tradingsystem.frameworks.hummingbot;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ServiceLauncher;

/** Runs hummingbot-mm as its own process. */
public final class HummingbotMain {

  private HummingbotMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.main(args, ServiceNames.HUMMINGBOT, HummingbotVerticle::new);
  }
}
