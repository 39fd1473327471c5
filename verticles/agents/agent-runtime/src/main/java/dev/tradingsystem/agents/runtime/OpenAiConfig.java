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
 * @param timeoutMs      deadline of one call; longer lets bigger models answer, shorter keeps the
 *                       coordinator's per-agent deadline from expiring before our fallback answers
 * @param maxFailures    failures in a row that open the circuit; low trips on a blip, high keeps
 *                       paying the timeout on a dead endpoint
 * @param resetTimeoutMs how long an open circuit answers from the fallback before one trial call
 */
public record OpenAiConfig(String baseUrl, String model, String apiKeyEnv, String apiKey,
    int timeoutMs, int maxFailures, long resetTimeoutMs) {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_MODEL = "gpt-4o-mini";
  public static final String DEFAULT_API_KEY_ENV = "OPENAI_API_KEY";
  public static final int DEFAULT_TIMEOUT_MS = 5_000;
  public static final int DEFAULT_MAX_FAILURES = 5;
  public static final long DEFAULT_RESET_TIMEOUT_MS = 30_000;

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
    int timeoutMs = config.integer(key(agent, "timeoutMs"), DEFAULT_TIMEOUT_MS, 1, 600_000);
    int maxFailures = config.integer(key(agent, "maxFailures"), DEFAULT_MAX_FAILURES, 1, 1_000);
    long resetTimeoutMs = config.integer(key(agent, "resetTimeoutMs"), DEFAULT_RESET_TIMEOUT_MS, 1, 86_400_000L);
    return new OpenAiConfig(baseUrl, model, apiKeyEnv, apiKey, timeoutMs, maxFailures, resetTimeoutMs);
  }

  /** The chat-completions endpoint. */
  public String chatCompletionsUrl() {
    return baseUrl + "/chat/completions";
  }

  @Override
  public String toString() {
    // Never print the key itself.
    return "OpenAiConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKeyEnv=" + apiKeyEnv
        + ", apiKey=" + (apiKey == null ? "absent" : "set") + ", timeoutMs=" + timeoutMs
        + ", maxFailures=" + maxFailures + ", resetTimeoutMs=" + resetTimeoutMs + "]";
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
