package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.UnaryOperator;

/**
 * Settings of the OpenAI-compatible backend of one agent, keys {@code agents.<short>.openai.*}.
 *
 * @param baseUrl        API root, {@code /chat/completions} is appended; any compatible server
 *                       (OpenAI, vLLM, llama.cpp, Ollama) works, a local one keeps data in-house
 * @param model          model name sent in every request and stamped into the signal's model id
 * @param apiKeyEnv      name of the environment variable holding the API key; the key itself never
 *                       sits in a config file. Absent variable: no Authorization header (local servers)
 * @param apiKey         the resolved key, or null
 *
 * <p>Deadline and circuit breaker are {@link RemoteCallPolicy} ({@code agents.<short>.openai.timeoutMs},
 * {@code .maxFailures}, {@code .resetTimeoutMs}); budgets {@link BudgetConfig}.
 */
public record OpenAiConfig(String baseUrl, String model, String apiKeyEnv, String apiKey) {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_MODEL = "gpt-4o-mini";
  public static final String DEFAULT_API_KEY_ENV = "OPENAI_API_KEY";

  /** Config key of an OpenAI setting of one agent: {@code agents.qwen.openai.baseUrl}. */
  public static String key(String agent, String setting) {
    return AgentRuntimeConfig.key(agent, "openai." + setting);
  }

  /**
   * Reads and validates the keys; {@code environment} resolves the API key variable (the process
   * environment in production, a map in tests).
   *
   * @throws ConfigException naming the key of a malformed URL or out-of-range number
   */
  public static OpenAiConfig from(ConfigReader config, String agent, UnaryOperator<String> environment) {
    String baseUrlKey = key(agent, "baseUrl");
    String baseUrl = config.string(baseUrlKey, DEFAULT_BASE_URL).trim();
    while (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    requireHttpUrl(baseUrlKey, baseUrl);
    String modelKey = key(agent, "model");
    String model = config.string(modelKey, DEFAULT_MODEL).trim();
    if (model.isEmpty()) {
      throw new ConfigException(modelKey, "a model name is required");
    }
    String apiKeyEnvKey = key(agent, "apiKeyEnv");
    String apiKeyEnv = config.string(apiKeyEnvKey, DEFAULT_API_KEY_ENV).trim();
    if (apiKeyEnv.isEmpty()) {
      throw new ConfigException(apiKeyEnvKey, "the name of an environment variable is required");
    }
    String apiKey = environment.apply(apiKeyEnv);
    if (apiKey != null && apiKey.isBlank()) {
      apiKey = null;
    }
    return new OpenAiConfig(baseUrl, model, apiKeyEnv, apiKey);
  }

  /** The chat-completions endpoint. */
  public String chatCompletionsUrl() {
    return baseUrl + "/chat/completions";
  }

  @Override
  public String toString() {
    // Never print the key itself.
    return "OpenAiConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKeyEnv=" + apiKeyEnv
        + ", apiKey=" + (apiKey == null ? "absent" : "set") + "]";
  }

  private static void requireHttpUrl(String key, String url) {
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new ConfigException(key, "'" + url + "' is not an http(s) URL");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(key, "'" + url + "' is not a URL: " + e.getMessage());
    }
  }
}
