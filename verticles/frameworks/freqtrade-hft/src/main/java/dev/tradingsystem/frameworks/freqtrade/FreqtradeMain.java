package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ServiceLauncher;

/** Runs freqtrade-hft as its own process. */
public final class FreqtradeMain {

  private FreqtradeMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.main(args, ServiceNames.FREQTRADE, FreqtradeVerticle::new);
  }
}
