package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.Instruments;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The runtime part of an agent's config, the same keys for every agent under
 * {@code agents.<short>.*}. Model parameters live in each agent's own record.
 *
 * @param backend  which {@link AgentBackend} answers; {@code builtin} is the in-process model,
 *                 {@code openai} an OpenAI-compatible endpoint ({@code agents.<short>.openai.*}),
 *                 {@code vertex} Vertex AI ({@code agents.<short>.vertex.*}), both falling back
 *                 to it. Remote backends trade latency and cost for model capacity. An unknown
 *                 name fails start rather than silently falling back.
 * @param symbols  symbols the agent accepts; empty accepts any well-formed symbol. A list
 *                 catches a misrouted feed early at the price of editing config per market.
 */
public record AgentRuntimeConfig(String backend, List<String> symbols) {

  public static final String DEFAULT_BACKEND = BuiltinBackend.NAME;
  public static final List<String> DEFAULT_SYMBOLS = List.of();

  public AgentRuntimeConfig {
    symbols = List.copyOf(symbols);
  }

  /** Config key of a runtime setting of one agent: {@code agents.deepseek.backend}. */
  public static String key(String agent, String setting) {
    return "agents." + agent + "." + setting;
  }

  /**
   * Reads and validates the agent's runtime keys.
   *
   * @throws ConfigException naming the key when the backend is not one of {@code available}
   *                         or a listed symbol is not in CCXT notation
   */
  public static AgentRuntimeConfig from(ConfigReader config, String agent, Set<String> available) {
    String backendKey = key(agent, "backend");
    String backend = config.string(backendKey, DEFAULT_BACKEND).trim();
    if (!available.contains(backend)) {
      throw new ConfigException(backendKey, "backend '" + backend + "' is not available in this build; available: "
          + new TreeSet<>(available));
    }
    String symbolsKey = key(agent, "symbols");
    List<String> symbols = config.strings(symbolsKey, DEFAULT_SYMBOLS);
    for (String symbol : symbols) {
      if (!Instruments.isValidSymbol(symbol)) {
        throw new ConfigException(symbolsKey, "'" + symbol + "' is not a BASE/QUOTE symbol");
      }
    }
    return new AgentRuntimeConfig(backend, symbols);
  }
}
