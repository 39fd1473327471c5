package dev.tradingsystem.app;

import dev.tradingsystem.agents.deepseek.DeepseekAgentVerticle;
import dev.tradingsystem.agents.fingpt.FingptAgentVerticle;
import dev.tradingsystem.agents.lagllama.LagllamaAgentVerticle;
import dev.tradingsystem.agents.qwen.QwenAgentVerticle;
import dev.tradingsystem.coordinator.McpCoordinatorVerticle;
import dev.tradingsystem.data.DataCollectorVerticle;
import dev.tradingsystem.frameworks.freqtrade.FreqtradeVerticle;
import dev.tradingsystem.frameworks.hummingbot.HummingbotVerticle;
import dev.tradingsystem.gateway.GatewayVerticle;
import dev.tradingsystem.portfolio.PortfolioOrchestratorVerticle;
import dev.tradingsystem.risk.RiskManagerVerticle;
import dev.tradingsystem.shared.ServiceNames;
import io.vertx.core.Deployable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every deployable service by name. The only place that knows all service modules: services
 * never know each other or how they are deployed.
 */
public final class ServiceCatalog {

  /**
   * Deployment order co-located: consumers before producers, the data-collector last (it waits for
   * the roll call anyway, but this keeps start-up quiet).
   */
  private static final Map<String, Supplier<? extends Deployable>> SERVICES = new LinkedHashMap<>();

  static {
    SERVICES.put(ServiceNames.PORTFOLIO, PortfolioOrchestratorVerticle::new);
    SERVICES.put(ServiceNames.RISK_MANAGER, RiskManagerVerticle::new);
    SERVICES.put(ServiceNames.DEEPSEEK, DeepseekAgentVerticle::new);
    SERVICES.put(ServiceNames.QWEN, QwenAgentVerticle::new);
    SERVICES.put(ServiceNames.FINGPT, FingptAgentVerticle::new);
    SERVICES.put(ServiceNames.LAGLLAMA, LagllamaAgentVerticle::new);
    SERVICES.put(ServiceNames.MCP_COORDINATOR, McpCoordinatorVerticle::new);
    SERVICES.put(ServiceNames.FREQTRADE, FreqtradeVerticle::new);
    SERVICES.put(ServiceNames.HUMMINGBOT, HummingbotVerticle::new);
    SERVICES.put(ServiceNames.GATEWAY, GatewayVerticle::new);
    SERVICES.put(ServiceNames.DATA_COLLECTOR, DataCollectorVerticle::new);
  }

  private ServiceCatalog() {
  }

  /** All services, in co-located deployment order. */
  public static Map<String, Supplier<? extends Deployable>> all() {
    return new LinkedHashMap<>(SERVICES);
  }

  /** The named services, in the order given; fails naming an unknown one and listing the known. */
  public static Map<String, Supplier<? extends Deployable>> select(List<String> names) {
    Map<String, Supplier<? extends Deployable>> selected = new LinkedHashMap<>();
    for (String name : names) {
      Supplier<? extends Deployable> factory = SERVICES.get(name.trim());
      if (factory == null) {
        throw new IllegalArgumentException("unknown service '" + name + "'; known: " + SERVICES.keySet());
      }
      selected.put(name.trim(), factory);
    }
    return selected;
  }
}
