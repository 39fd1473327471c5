package dev.tradingsystem.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class McpServerConfigTest {

  private static final String KEY = "k".repeat(32);

  private static ConfigReader reader(JsonObject tree, JsonObject env) {
    return ConfigReader.of(tree.copy().put(ConfigReader.ENV_KEY, env));
  }

  @Test
  void defaultsSuitALaptop() {
    McpServerConfig config = McpServerConfig.from(reader(new JsonObject(), new JsonObject()), "coordinator.mcp");

    assertThat(config).isEqualTo(McpServerConfig.defaults());
    assertThat(config.path()).isEqualTo("/mcp");
    assertThat(config.anonymousViewer()).isTrue();
    assertThat(config.tokensEnabled()).isFalse();
    assertThat(config.allowedOrigins()).contains("http://localhost:*");
  }

  @Test
  void serviceKeysAreReadUnderThePrefix() {
    JsonObject tree = new JsonObject().put("agents", new JsonObject().put("deepseek", new JsonObject()
        .put("mcp", new JsonObject().put("path", "/mcp/deepseek").put("maxBodyBytes", 2048).put("toolTimeoutMs", 500)
            .put("allowedOrigins", "https://desk.example")
            .put("auth", new JsonObject().put("anonymousViewer", false).put("jwtSecret", KEY).put("jwtIssuer", "ops")))));

    McpServerConfig config = McpServerConfig.from(reader(tree, new JsonObject()), "agents.deepseek.mcp");

    assertThat(config).isEqualTo(new McpServerConfig("/mcp/deepseek", 2048, 500, false, KEY, "ops",
        List.of("https://desk.example")));
  }

  @Test
  void theProcessWideSecretServesEveryServerAndAServiceKeyOverridesIt() {
    String own = "o".repeat(40);
    JsonObject env = new JsonObject().put("TRADING_MCP_AUTH_JWT_SECRET", KEY)
        .put("TRADING_AGENTS_QWEN_MCP_AUTH_JWT_SECRET", own);

    assertThat(McpServerConfig.from(reader(new JsonObject(), env), "coordinator.mcp").jwtSecret()).isEqualTo(KEY);
    assertThat(McpServerConfig.from(reader(new JsonObject(), env), "agents.qwen.mcp").jwtSecret()).isEqualTo(own);
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource(delimiter = '|', textBlock = """
      coordinator.mcp.path          | mcp                 | coordinator.mcp.path
      coordinator.mcp.path          | /mcp/               | coordinator.mcp.path
      coordinator.mcp.maxBodyBytes  | 10                  | coordinator.mcp.maxBodyBytes
      coordinator.mcp.toolTimeoutMs | 0                   | coordinator.mcp.toolTimeoutMs
      coordinator.mcp.auth.jwtSecret | too-short          | coordinator.mcp.auth.jwtSecret
      mcp.auth.jwtSecret            | too-short           | mcp.auth.jwtSecret
      mcp.auth.anonymousViewer      | perhaps             | mcp.auth.anonymousViewer
      """)
  void badValuesFailFastNamingTheKey(String key, String value, String named) {
    JsonObject env = new JsonObject().put(ConfigReader.envName(key), value);

    assertThatThrownBy(() -> McpServerConfig.from(reader(new JsonObject(), env), "coordinator.mcp"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(named));
  }

  @Test
  void theSecretNeverReachesToString() {
    McpServerConfig config = McpServerConfig.defaults().withAuth(true, KEY, null);

    assertThat(config.toString()).contains("jwtSecret=set").doesNotContain(KEY);
  }
}
