package dev.tradingsystem.shared;

import java.util.List;

/** Names of the deployable services: used for config sections, roll calls, gRPC endpoints, metrics. */
public final class ServiceNames {

  public static final String DATA_COLLECTOR = "data-collector";
  public static final String DEEPSEEK = "deepseek-agent";
  public static final String QWEN = "qwen-agent";
  public static final String FINGPT = "fingpt-agent";
  public static final String LAGLLAMA = "lagllama-agent";
  public static final String MCP_COORDINATOR = "mcp-coordinator";
  public static final String FREQTRADE = "freqtrade-hft";
  public static final String HUMMINGBOT = "hummingbot-mm";
  public static final String RISK_MANAGER = "risk-manager";
  public static final String PORTFOLIO = "portfolio-orchestrator";
  public static final String GATEWAY = "gateway";

  public static final List<String> AGENTS = List.of(DEEPSEEK, QWEN, FINGPT, LAGLLAMA);
  public static final List<String> FRAMEWORKS = List.of(FREQTRADE, HUMMINGBOT);

  /** Every service in pipeline order. */
  public static final List<String> ALL = List.of(
      DATA_COLLECTOR, DEEPSEEK, QWEN, FINGPT, LAGLLAMA, MCP_COORDINATOR,
      FREQTRADE, HUMMINGBOT, RISK_MANAGER, PORTFOLIO, GATEWAY);

  private ServiceNames() {
  }

  /** The short agent name used in signal addresses and reports: {@code deepseek-agent} → {@code deepseek}. */
  public static String agentShortName(String service) {
    return service.endsWith("-agent") ? service.substring(0, service.length() - "-agent".length()) : service;
  }
}
