package dev.tradingsystem.agents.runtime.vertex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VertexConfigTest {

  private static ConfigReader config(JsonObject vertex) {
    return ConfigReader.of(new JsonObject()
        .put("agents", new JsonObject().put("qwen", new JsonObject().put("vertex", vertex)))
        .put(ConfigReader.ENV_KEY, new JsonObject()));
  }

  private static VertexConfig read(JsonObject vertex, VertexDefaults defaults) {
    return VertexConfig.from(config(vertex), "qwen", defaults);
  }

  @Test
  void defaultsToTheRegionalEndpointWithApplicationDefaultCredentials() {
    VertexConfig vertex = read(new JsonObject().put("project", "my-project"),
        VertexDefaults.genAi("qwen/qwen3-next-80b-a3b-instruct-maas"));
    assertThat(vertex.location()).isEqualTo("us-central1");
    assertThat(vertex.api()).isEqualTo(VertexConfig.Api.GENAI);
    assertThat(vertex.model()).isEqualTo("qwen/qwen3-next-80b-a3b-instruct-maas");
    assertThat(vertex.apiEndpoint()).isEqualTo("us-central1-aiplatform.googleapis.com:443");
    assertThat(vertex.genAiBaseUrl()).isEqualTo("https://us-central1-aiplatform.googleapis.com");
    assertThat(vertex.credentials()).isEqualTo(VertexConfig.Credentials.ADC);
    assertThat(vertex.plaintext()).isFalse();
    assertThat(vertex.thinkingBudget()).isEqualTo(-1);
  }

  @Test
  void theGlobalLocationHasNoRegionPrefix() {
    VertexConfig vertex = read(new JsonObject().put("project", "p1").put("location", "global"), VertexDefaults.RUNTIME);
    assertThat(vertex.apiEndpoint()).isEqualTo("aiplatform.googleapis.com:443");
  }

  @Test
  void predictNamesTheEndpointResource() {
    VertexConfig vertex = read(new JsonObject().put("project", "p1").put("location", "europe-west4")
        .put("endpointId", "4321"), VertexDefaults.predict());
    assertThat(vertex.api()).isEqualTo(VertexConfig.Api.PREDICT);
    assertThat(vertex.endpointName()).isEqualTo("projects/p1/locations/europe-west4/endpoints/4321");
  }

  @Test
  void configOverridesTheAgentsApiAndModel() {
    VertexConfig vertex = read(new JsonObject().put("project", "p1").put("api", "predict").put("endpointId", "9")
        .put("model", "gemini-2.5-pro"), VertexDefaults.RUNTIME);
    assertThat(vertex.api()).isEqualTo(VertexConfig.Api.PREDICT);
    assertThat(vertex.model()).isEqualTo("gemini-2.5-pro");
  }

  @Test
  void aLoopbackStandInSpeaksPlaintext() {
    VertexConfig vertex = read(new JsonObject().put("project", "p1").put("apiEndpoint", "127.0.0.1:8089")
        .put("credentials", "none"), VertexDefaults.RUNTIME);
    assertThat(vertex.plaintext()).isTrue();
    assertThat(vertex.genAiBaseUrl()).isEqualTo("http://127.0.0.1:8089");
  }

  @Test
  void aPrivateServiceConnectEndpointKeepsTls() {
    VertexConfig vertex = read(new JsonObject().put("project", "p1").put("apiEndpoint", "vertex.internal.example:8443"),
        VertexDefaults.RUNTIME);
    assertThat(vertex.genAiBaseUrl()).isEqualTo("https://vertex.internal.example:8443");
  }

  /** Each row: one bad setting, and the key the error must name. */
  @ParameterizedTest(name = "{0}={1} fails naming {2}")
  @CsvSource(delimiter = '|', value = {
      "project     | ''                          | agents.qwen.vertex.project",
      "project     | 'my project'                | agents.qwen.vertex.project",
      "location    | 'US Central'                | agents.qwen.vertex.location",
      "api         | 'rest'                      | agents.qwen.vertex.api",
      "model       | '../models/x'               | agents.qwen.vertex.model",
      "api         | 'predict'                   | agents.qwen.vertex.endpointId",
      "endpointId  | '12/34'                     | agents.qwen.vertex.endpointId",
      "apiEndpoint | 'localhost'                 | agents.qwen.vertex.apiEndpoint",
      "apiEndpoint | 'localhost:http'            | agents.qwen.vertex.apiEndpoint",
      "apiEndpoint | '127.0.0.1:70000'           | agents.qwen.vertex.apiEndpoint",
      "apiEndpoint | '::1:443'                   | agents.qwen.vertex.apiEndpoint",
      "credentials | 'oauth'                     | agents.qwen.vertex.credentials",
      "credentials | 'none'                      | agents.qwen.vertex.credentials",
      "thinkingBudget | '-5'                     | agents.qwen.vertex.thinkingBudget",
  })
  void rejectsABadSettingNamingTheKey(String setting, String value, String key) {
    JsonObject vertex = new JsonObject().put("project", "p1").put(setting, value);
    assertThatThrownBy(() -> read(vertex, VertexDefaults.RUNTIME))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key);
  }

  @ParameterizedTest(name = "credentials=none towards {0}")
  @CsvSource({"localhost:8080", "127.0.0.1:8080", "127.1.2.3:1", "[::1]:8080"})
  void credentialsNoneIsAllowedTowardsLoopbackOnly(String endpoint) {
    VertexConfig vertex = read(new JsonObject().put("project", "p1").put("apiEndpoint", endpoint)
        .put("credentials", "none"), VertexDefaults.RUNTIME);
    assertThat(vertex.apiEndpoint()).isEqualTo(endpoint);
  }
}
