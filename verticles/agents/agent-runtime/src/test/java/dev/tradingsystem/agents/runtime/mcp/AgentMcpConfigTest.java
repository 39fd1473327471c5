package dev.tradingsystem.agents.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentMcpConfigTest {

  private static ConfigReader config(JsonObject mcp) {
    return ConfigReader.of(new JsonObject().put("$env", new JsonObject())
        .put("agents", new JsonObject().put("fingpt", new JsonObject().put("mcp", mcp))));
  }

  @Test
  void defaultsServeAtTheAgentsOwnPathAndFetchTheAgentsDefaultContext() {
    AgentMcpConfig mcp = AgentMcpConfig.from(config(new JsonObject()), "fingpt", List.of("get_market_snapshot"));

    assertThat(mcp.enabled()).isTrue();
    assertThat(mcp.server().path()).isEqualTo("/mcp/fingpt");
    assertThat(mcp.server().anonymousViewer()).isTrue();
    assertThat(mcp.context()).extracting(ContextCall::tool).containsExactly("get_market_snapshot");
    assertThat(mcp.contextTimeoutMs()).isEqualTo(AgentMcpConfig.DEFAULT_CONTEXT_TIMEOUT_MS);
    assertThat(mcp.contextMaxChars()).isEqualTo(AgentMcpConfig.DEFAULT_CONTEXT_MAX_CHARS);
    assertThat(mcp.coordinatorUrl()).isEmpty();
  }

  @Test
  void configuredValuesWin() {
    AgentMcpConfig mcp = AgentMcpConfig.from(config(new JsonObject()
            .put("enabled", false).put("path", "/agents/fingpt").put("toolTimeoutMs", 2_000)
            .put("coordinatorUrl", "http://coordinator:8080/mcp").put("coordinatorTokenEnv", "FINGPT_MCP_TOKEN")
            .put("context", new JsonArray().add("forecast").add("get_risk_state()"))
            .put("contextTimeoutMs", 250).put("contextMaxChars", 800)),
        "fingpt", List.of("get_market_snapshot"));

    assertThat(mcp.enabled()).isFalse();
    assertThat(mcp.server().path()).isEqualTo("/agents/fingpt");
    assertThat(mcp.server().toolTimeoutMs()).isEqualTo(2_000);
    assertThat(mcp.context()).extracting(ContextCall::tool).containsExactly("forecast", "get_risk_state");
    assertThat(mcp.coordinatorTokenEnv()).isEqualTo("FINGPT_MCP_TOKEN");
    assertThat(mcp.contextTimeoutMs()).isEqualTo(250);
    assertThat(mcp.contextMaxChars()).isEqualTo(800);
    assertThat(mcp.coordinatorEndpoint(true, -1)).contains(URI.create("http://coordinator:8080/mcp"));
  }

  @Test
  void withoutAUrlCoLocatedAgentsUseTheCoordinatorOnTheirOwnListener() {
    AgentMcpConfig mcp = AgentMcpConfig.from(ConfigReader.of(new JsonObject().put("$env", new JsonObject())
        .put("coordinator", new JsonObject().put("mcp", new JsonObject().put("path", "/hub")))), "fingpt", List.of());

    assertThat(mcp.coordinatorEndpoint(false, 8080)).contains(URI.create("http://127.0.0.1:8080/hub"));
    assertThat(mcp.coordinatorEndpoint(false, -1)).as("no listener").isEqualTo(Optional.empty());
    assertThat(mcp.coordinatorEndpoint(true, 8080)).as("clustered: the coordinator may be elsewhere").isEmpty();
  }

  @Test
  void anEnvironmentListUsesCommasBetweenCallsAndSemicolonsInside() {
    ConfigReader env = ConfigReader.of(new JsonObject().put("$env", new JsonObject()
        .put("TRADING_AGENTS_DEEPSEEK_MCP_CONTEXT", "forecast(symbol=$symbol;horizon=300), get_market_snapshot")));

    assertThat(AgentMcpConfig.from(env, "deepseek", List.of()).context()).extracting(ContextCall::toString)
        .containsExactly("forecast{symbol=$symbol, horizon=300}", "get_market_snapshot{symbol=$symbol}");
  }

  @Test
  void badValuesFailNamingTheKey() {
    assertThatThrownBy(() -> AgentMcpConfig.from(config(new JsonObject().put("coordinatorUrl", "coordinator:8080")),
        "fingpt", List.of()))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("agents.fingpt.mcp.coordinatorUrl"));
    assertThatThrownBy(() -> AgentMcpConfig.from(config(new JsonObject().put("context", "forecast(horizon)")),
        "fingpt", List.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.key()).isEqualTo("agents.fingpt.mcp.context");
          assertThat(e.getMessage()).contains("horizon");
        });
    assertThatThrownBy(() -> AgentMcpConfig.from(config(new JsonObject().put("path", "mcp/fingpt")),
        "fingpt", List.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("agents.fingpt.mcp.path"));
    assertThatThrownBy(() -> AgentMcpConfig.from(config(new JsonObject().put("contextTimeoutMs", 0)),
        "fingpt", List.of()))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("agents.fingpt.mcp.contextTimeoutMs"));
  }
}
