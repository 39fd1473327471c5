package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.shared.ServiceNames;
import java.util.Map;

/**
 * What each agent of this system is for, in a sentence an assistant can use to decide whom to
 * believe. Agents outside the catalogue (a new agent on trial) are described by their name only.
 */
final class AgentCatalog {

  private static final Map<String, String> SPECIALTIES = Map.of(
      ServiceNames.DEEPSEEK, "Momentum and market regime: reads trend, volatility and order flow from the "
          + "feature vector and calls the direction over its horizon",
      ServiceNames.QWEN, "Microstructure and arbitrage: scans tops of book across venues for cross-venue and "
          + "triangular dislocations net of taker fees",
      ServiceNames.FINGPT, "News sentiment: scores headlines (news stream, news file or RSS/Atom feeds) and "
          + "weighs them by age and relevance into a directional view",
      ServiceNames.LAGLLAMA, "Probabilistic forecasting: quantiles of the candle log return over the next "
          + "candles (built-in GARCH with filtered historical simulation, or Lag-Llama on Vertex AI)");

  private AgentCatalog() {
  }

  static String specialty(String service) {
    return SPECIALTIES.getOrDefault(service, "Agent service " + service);
  }
}
