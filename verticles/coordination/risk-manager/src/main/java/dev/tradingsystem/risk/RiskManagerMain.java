package dev.tradingsystem.risk;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ServiceLauncher;

/** Runs the risk-manager on its own: {@code java -jar risk-manager-fat.jar [options]}. */
public final class RiskManagerMain {

  private RiskManagerMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.main(args, ServiceNames.RISK_MANAGER, RiskManagerVerticle::new);
  }
}
