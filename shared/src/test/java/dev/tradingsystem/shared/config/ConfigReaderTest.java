package dev.tradingsystem.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

  @ParameterizedTest
  @CsvSource({
      "agents.deepseek.backend, TRADING_AGENTS_DEEPSEEK_BACKEND",
      "risk.maxOrderNotional,   TRADING_RISK_MAX_ORDER_NOTIONAL",
      "replay.await-services,   TRADING_REPLAY_AWAIT_SERVICES",
      "http.port,               TRADING_HTTP_PORT"})
  void environmentNames(String key, String env) {
    assertThat(ConfigReader.envName(key)).isEqualTo(env);
  }

  @Test
  void precedenceIsDefaultThenFileThenEnvironmentThenCommandLine() {
    JsonObject file = new JsonObject().put("risk", new JsonObject()
        .put("maxOrderNotional", 1000).put("priceCollarPct", 3).put("maxDrawdown", 0.1));
    Map<String, String> env = Map.of(
        "TRADING_RISK_PRICE_COLLAR_PCT", "4",
        "TRADING_RISK_MAX_DRAWDOWN", "0.3",
        "PATH", "/usr/bin");
    JsonObject merged = ConfigLoader.merge(file, List.of("risk.maxDrawdown=0.5"), env);
    ConfigReader config = ConfigReader.of(merged);

    assertThat(config.decimal("risk.unset", 7.0, 0, 100)).isEqualTo(7.0);
    assertThat(config.decimal("risk.maxOrderNotional", 1, 0, 1e9)).isEqualTo(1000.0);
    assertThat(config.decimal("risk.priceCollarPct", 1, 0, 100)).isEqualTo(4.0);
    assertThat(config.decimal("risk.maxDrawdown", 1, 0, 1)).isEqualTo(0.5);
    assertThat(merged.getJsonObject(ConfigReader.ENV_KEY).containsKey("PATH")).isFalse();
  }

  @Test
  void badValuesNameTheKey() {
    ConfigReader config = ConfigReader.of(ConfigLoader.merge(new JsonObject(),
        List.of("replay.speed=fast", "http.port=99999", "agents.qwen.backend=gpt", "risk.halt=maybe"), Map.of()));

    assertThatThrownBy(() -> config.decimal("replay.speed", 1, 0, 1000))
        .isInstanceOf(ConfigException.class).hasMessageContaining("replay.speed");
    assertThatThrownBy(() -> config.integer("http.port", 8080, 0, 65535))
        .hasMessageContaining("http.port").hasMessageContaining("outside");
    assertThatThrownBy(() -> config.enumValue("agents.qwen.backend", Backend.class, Backend.BUILTIN))
        .hasMessageContaining("agents.qwen.backend").hasMessageContaining("builtin");
    assertThatThrownBy(() -> config.bool("risk.halt", false)).hasMessageContaining("risk.halt");
    assertThatThrownBy(() -> ConfigLoader.merge(new JsonObject(), List.of("novalue"), Map.of()))
        .hasMessageContaining("key=value");
  }

  @Test
  void listsFromArraysOrCommaSeparatedText() {
    ConfigReader config = ConfigReader.of(ConfigLoader.merge(new JsonObject(),
        List.of("a.list=[\"x\",\"y\"]", "b.list=p, q,,r"), Map.of()));

    assertThat(config.strings("a.list", List.of())).containsExactly("x", "y");
    assertThat(config.strings("b.list", List.of())).containsExactly("p", "q", "r");
    assertThat(config.strings("c.list", List.of("d"))).containsExactly("d");
  }

  enum Backend { BUILTIN, VERTEX }
}
