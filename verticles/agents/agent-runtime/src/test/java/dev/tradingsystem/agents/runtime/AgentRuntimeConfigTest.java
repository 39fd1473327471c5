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
}
