package dev.tradingsystem.gateway;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ServiceLauncher;

/** Runs the gateway as its own process, joined to the cluster. */
public final class GatewayMain {

  private GatewayMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.main(args, ServiceNames.GATEWAY, GatewayVerticle::new);
  }
}
