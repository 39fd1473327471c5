package dev.tradingsystem.data;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ServiceLauncher;

/** Runs the data-collector as its own process. */
public final class DataCollectorMain {

  private DataCollectorMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.main(args, ServiceNames.DATA_COLLECTOR, DataCollectorVerticle::new);
  }
}
