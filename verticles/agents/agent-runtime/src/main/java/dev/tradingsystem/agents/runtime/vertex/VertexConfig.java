package dev.tradingsystem.agents.runtime.vertex;

import com.google.cloud.aiplatform.v1.EndpointName;
import dev.tradingsystem.agents.runtime.AgentRuntimeConfig;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.regex.Pattern;

/**
 * Settings of the Vertex AI backend of one agent, keys {@code agents.<short>.vertex.*}. Deadline
 * and circuit breaker are {@link dev.tradingsystem.agents.runtime.RemoteCallPolicy}
 * ({@code agents.<short>.vertex.timeoutMs}, {@code .maxFailures}, {@code .resetTimeoutMs}).
 *
 * @param project        Google Cloud project id (required); part of every resource name
 * @param location       region, default {@value #DEFAULT_LOCATION}; the nearest region with the
 *                       model keeps latency down, {@code global} trades it for availability
 * @param api            {@code genai} (managed models) or {@code predict} (an endpoint of one's
 *                       own); the agent picks the default ({@link VertexDefaults})
 * @param model          Gen AI model id ({@code gemini-2.5-flash}, {@code deepseek-ai/deepseek-v3.1-maas});
 *                       a changed model is a changed model id on every signal
 * @param endpointId     the endpoint's numeric id (required for {@code predict})
 * @param apiEndpoint    {@code host:port} of the service; default {@code <location>-aiplatform.googleapis.com:443}.
 *                       Override for Private Service Connect or a loopback stand-in
 * @param credentials    {@code adc}: Application Default Credentials (a service account on GKE
 *                       through Workload Identity, {@code gcloud auth application-default login}
 *                       on a laptop), loaded at deployment off the event loop; a machine without
 *                       them answers from the built-in model, degraded {@code unreachable}, and
 *                       tries again on the next call.
 *                       {@code none}: plaintext and no credentials, for a loopback stand-in only
 * @param thinkingBudget thinking tokens a Gen AI model may spend before answering, or -1 to
 *                       send nothing (the model's default). Thinking counts against
 *                       {@code budget.maxAnswerTokens}: 0 keeps a short JSON answer from being
 *                       cut off on models that think by default (Gemini 2.5 Flash)
 */
public record VertexConfig(String project, String location, Api api, String model, String endpointId,
    String apiEndpoint, Credentials credentials, int thinkingBudget) {

  /** Which Vertex AI API answers. */
  public enum Api {
    /** Managed models through the Gen AI REST API ({@code models.generateContent}). */
    GENAI,
    /** A deployed model through {@code PredictionService.Predict} (gRPC). */
    PREDICT
  }

  /** Where credentials come from. */
  public enum Credentials {
    ADC,
    NONE
  }

  public static final String DEFAULT_LOCATION = "us-central1";
  public static final Credentials DEFAULT_CREDENTIALS = Credentials.ADC;
  public static final int DEFAULT_THINKING_BUDGET = -1;

  private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]*");
  private static final Pattern LOCATION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@/-]*");
  private static final Pattern ENDPOINT_ID = Pattern.compile("[A-Za-z0-9_-]+");

  /** Config key of a Vertex setting of one agent: {@code agents.deepseek.vertex.project}. */
  public static String key(String agent, String setting) {
    return AgentRuntimeConfig.key(agent, "vertex." + setting);
  }

  /**
   * Reads and validates the keys.
   *
   * @throws ConfigException naming the key that is missing or malformed, or
   *                         {@code credentials=none} with an endpoint that is not loopback
   */
  public static VertexConfig from(ConfigReader config, String agent, VertexDefaults defaults) {
    String project = matching(config, agent, "project", null, PROJECT);
    String location = matching(config, agent, "location", DEFAULT_LOCATION, LOCATION);
    Api api = config.enumValue(key(agent, "api"), Api.class, defaults.api());
    String model = matching(config, agent, "model", defaults.model(), MODEL);
    String endpointId = config.string(key(agent, "endpointId"), "").trim();
    if (api == Api.PREDICT && endpointId.isEmpty()) {
      throw new ConfigException(key(agent, "endpointId"), "is required with api=predict");
    }
    if (!endpointId.isEmpty() && !ENDPOINT_ID.matcher(endpointId).matches()) {
      throw new ConfigException(key(agent, "endpointId"), "'" + endpointId + "' is not an endpoint id");
    }
    String apiEndpoint = config.string(key(agent, "apiEndpoint"), defaultApiEndpoint(location)).trim();
    HostPort hostPort = HostPort.parse(key(agent, "apiEndpoint"), apiEndpoint);
    Credentials credentials = config.enumValue(key(agent, "credentials"), Credentials.class, DEFAULT_CREDENTIALS);
    if (credentials == Credentials.NONE && !hostPort.loopback()) {
      throw new ConfigException(key(agent, "credentials"), "'none' sends plaintext without credentials and is "
          + "allowed only with a loopback apiEndpoint, not " + apiEndpoint);
    }
    int thinkingBudget = config.integer(key(agent, "thinkingBudget"), DEFAULT_THINKING_BUDGET, -1, 32_768);
    return new VertexConfig(project, location, api, model, endpointId, hostPort.toString(), credentials,
        thinkingBudget);
  }

  /** The regional service endpoint; {@code global} has no region prefix. */
  static String defaultApiEndpoint(String location) {
    return ("global".equals(location) ? "" : location + "-") + "aiplatform.googleapis.com:443";
  }

  /** True for {@code credentials=none}: plaintext HTTP/2 and no credentials. */
  public boolean plaintext() {
    return credentials == Credentials.NONE;
  }

  /** Base URL of the Gen AI REST API: https (http for {@code credentials=none}), no port for 443. */
  public String genAiBaseUrl() {
    HostPort hostPort = HostPort.parse("apiEndpoint", apiEndpoint);
    if (plaintext()) {
      return "http://" + hostPort;
    }
    return "https://" + (hostPort.port() == 443 ? hostPort.host() : hostPort.toString());
  }

  /** {@code projects/<p>/locations/<l>/endpoints/<id>}, the {@code PredictRequest.endpoint}. */
  public String endpointName() {
    return EndpointName.of(project, location, endpointId).toString();
  }

  private static String matching(ConfigReader config, String agent, String setting, String defaultValue,
      Pattern pattern) {
    String key = key(agent, setting);
    String value = defaultValue == null ? config.requiredString(key).trim() : config.string(key, defaultValue).trim();
    if (!pattern.matcher(value).matches()) {
      throw new ConfigException(key, "'" + value + "' is not a valid " + setting);
    }
    return value;
  }

  /** A {@code host:port} pair; IPv6 hosts in brackets. */
  record HostPort(String host, int port) {

    static HostPort parse(String key, String text) {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw new ConfigException(key, "'" + text + "' is not host:port");
      }
      String host = text.substring(0, colon);
      if (host.startsWith("[") != host.endsWith("]") || (host.contains(":") && !host.startsWith("["))) {
        throw new ConfigException(key, "'" + text + "' is not host:port (IPv6 hosts go in brackets)");
      }
      int port;
      try {
        port = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new ConfigException(key, "'" + text + "' has no numeric port");
      }
      if (port < 1 || port > 65_535) {
        throw new ConfigException(key, "port " + port + " is outside [1, 65535]");
      }
      return new HostPort(host, port);
    }

    /** Literal loopback names only: a name that resolves to loopback today may not tomorrow. */
    boolean loopback() {
      return host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}");
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }
}
