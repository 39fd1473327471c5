package dev.tradingsystem.portfolio;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.runtime.ServiceLauncher;

/** Runs the portfolio-orchestrator on its own (see {@code --help}). */
public final class PortfolioOrchestratorMain {

  private PortfolioOrchestratorMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.main(args, ServiceNames.PORTFOLIO, PortfolioOrchestratorVerticle::new);
  }
}
