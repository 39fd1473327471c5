package dev.tradingsystem.coordinator.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MCP settings of the coordinator, its routes, and the timeframe names its tools accept. */
class CoordinatorMcpConfigTest {

  private static CoordinatorMcpConfig read(JsonObject mcp) {
    return CoordinatorMcpConfig.from(ConfigReader.of(new JsonObject().put("coordinator", new JsonObject().put("mcp", mcp))));
  }

  @Test
  void defaultsServeAtMcpAndRouteForecastToLagllamasAgentServiceAndSentimentToFingptsMcpTool() {
    CoordinatorMcpConfig config = read(new JsonObject());

    assertThat(config.enabled()).isTrue();
    assertThat(config.server().path()).isEqualTo("/mcp");
    assertThat(config.forecast()).as("not configured").isNull();
    assertThat(config.forecastRoute(false)).isEqualTo(new RouteTarget(RouteTarget.Kind.LOCAL_PATH, "/mcp/lagllama"));
    assertThat(config.forecastRoute(true)).isEqualTo(new RouteTarget(RouteTarget.Kind.AGENT_SERVICE, "lagllama-agent"));
    assertThat(config.sentiment()).isEqualTo(new RouteTarget(RouteTarget.Kind.LOCAL_PATH, "/mcp/fingpt"));
    assertThat(config.sentiment().endpoint(8080)).isEqualTo(URI.create("http://127.0.0.1:8080/mcp/fingpt"));
    assertThat(config.routeTimeoutMs()).isEqualTo(5_000);
    assertThat(config.routeToken()).isNull();
    assertThat(config.recentAlerts()).isEqualTo(50);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      agent:lagllama-agent                | AGENT_SERVICE | lagllama-agent
      /mcp/lagllama                       | LOCAL_PATH    | /mcp/lagllama
      http://agents.internal:8081/mcp/x   | URL           | http://agents.internal:8081/mcp/x
      """)
  void aRouteIsAnAgentServiceALocalPathOrAUrl(String value, RouteTarget.Kind kind, String target) {
    assertThat(read(new JsonObject().put("routes", new JsonObject().put("forecast", value))).forecast())
        .isEqualTo(new RouteTarget(kind, target));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"routes": {"forecast": "lagllama"}}         | coordinator.mcp.routes.forecast
      {"routes": {"sentiment": "agent:fingpt-agent"}} | coordinator.mcp.routes.sentiment
      {"routes": {"sentiment": "http://"}}         | coordinator.mcp.routes.sentiment
      {"routes": {"timeoutMs": 10000}}             | coordinator.mcp.routes.timeoutMs
      {"path": "mcp"}                              | coordinator.mcp.path
      {"recentAlerts": 0}                          | coordinator.mcp.recentAlerts
      """)
  void aBadValueFailsNamingItsKey(String mcp, String key) {
    assertThatThrownBy(() -> read(new JsonObject(mcp))).isInstanceOf(ConfigException.class).hasMessageContaining(key);
  }

  @Test
  void aLocalPathNeedsTheProcessListener() {
    assertThatThrownBy(() -> new RouteTarget(RouteTarget.Kind.LOCAL_PATH, "/mcp/fingpt").endpoint(-1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no HTTP listener");
  }

  @ParameterizedTest(name = "{0} -> {1} s, {2}")
  @CsvSource(delimiter = '|', textBlock = """
      tick  | 0     | tick
      0     | 0     | tick
      90    | 90    | 90s
      60s   | 60    | 1m
      5m    | 300   | 5m
      1h    | 3600  | 1h
      240m  | 14400 | 4h
      1d    | 86400 | 1d
      """)
  void timeframesAreReadInSecondsAndNamedShortest(String argument, int seconds, String label) {
    assertThat(MarketTools.timeframeSeconds(argument)).isEqualTo(seconds);
    assertThat(MarketTools.label(seconds)).isEqualTo(label);
  }
}
