package dev.tradingsystem.agents.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentRuntimeConfigTest {

  private static ConfigReader config(String json) {
    return ConfigReader.of(new JsonObject(json).put(ConfigReader.ENV_KEY, new JsonObject()));
  }

  @Test
  void defaultsToTheBuiltinBackendAndAnySymbol() {
    AgentRuntimeConfig runtime = AgentRuntimeConfig.from(config("{}"), "deepseek", Set.of("builtin"));
    assertThat(runtime.backend()).isEqualTo("builtin");
    assertThat(runtime.symbols()).isEmpty();
  }

  @Test
  void environmentBeatsTheFile() {
    ConfigReader reader = ConfigReader.of(new JsonObject()
        .put("agents", new JsonObject().put("qwen", new JsonObject().put("backend", "builtin")))
        .put(ConfigReader.ENV_KEY, new JsonObject().put("TRADING_AGENTS_QWEN_BACKEND", "openai")));
    assertThatThrownBy(() -> AgentRuntimeConfig.from(reader, "qwen", Set.of("builtin")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("agents.qwen.backend")
        .hasMessageContaining("openai")
        .hasMessageContaining("[builtin]");
  }

  @Test
  void rejectsMalformedSymbolsNamingTheKey() {
    assertThatThrownBy(() -> AgentRuntimeConfig.from(
        config("{\"agents\":{\"fingpt\":{\"symbols\":\"BTC/USD,btc-usd\"}}}"), "fingpt", Set.of("builtin")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("agents.fingpt.symbols")
        .hasMessageContaining("btc-usd");
  }

  @Test
  void acceptsTheRemoteBackendsThisBuildOffers() {
    Set<String> available = Set.of("builtin", "openai", "vertex");
    assertThat(AgentRuntimeConfig.from(config("{\"agents\":{\"qwen\":{\"backend\":\"openai\"}}}"), "qwen",
        available).backend()).isEqualTo("openai");
    assertThat(AgentRuntimeConfig.from(config("{\"agents\":{\"qwen\":{\"backend\":\"vertex\"}}}"), "qwen",
        available).backend()).isEqualTo("vertex");
    assertThatThrownBy(() -> AgentRuntimeConfig.from(
        config("{\"agents\":{\"qwen\":{\"backend\":\"vertex-ai\"}}}"), "qwen", available))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("agents.qwen.backend")
        .hasMessageContaining("not available in this build")
        .hasMessageContaining("[builtin, openai, vertex]");
  }

  @Test
  void openAiDefaultsAndKeyFromTheNamedVariable() {
    OpenAiConfig openai = OpenAiConfig.from(config("{}"), "deepseek", name -> null);
    assertThat(openai.chatCompletionsUrl()).isEqualTo("https://api.openai.com/v1/chat/completions");
    assertThat(openai.apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
    assertThat(openai.apiKey()).isNull();
    assertThat(RemoteCallPolicy.from(config("{}"), "deepseek", "openai"))
        .isEqualTo(new RemoteCallPolicy(5_000, 5, 30_000));
    OpenAiConfig local = OpenAiConfig.from(config(
        "{\"agents\":{\"deepseek\":{\"openai\":{\"baseUrl\":\"http://localhost:8000/v1/\",\"apiKeyEnv\":\"DS_KEY\"}}}}"),
        "deepseek", name -> name.equals("DS_KEY") ? "sk-secret" : null);
    assertThat(local.chatCompletionsUrl()).isEqualTo("http://localhost:8000/v1/chat/completions");
    assertThat(local.apiKey()).isEqualTo("sk-secret");
    assertThat(local.toString()).doesNotContain("sk-secret");
  }

  @Test
  void rejectsAnOpenAiBaseUrlThatIsNotHttp() {
    assertThatThrownBy(() -> OpenAiConfig.from(
        config("{\"agents\":{\"fingpt\":{\"openai\":{\"baseUrl\":\"ftp://models\"}}}}"), "fingpt", name -> null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("agents.fingpt.openai.baseUrl");
  }
}
