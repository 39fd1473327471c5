package dev.tradingsystem.frameworks.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HummingbotConfigTest {

  private static HummingbotConfig read(JsonObject hummingbot, JsonObject env) {
    return HummingbotConfig.from(ConfigReader.of(new JsonObject().put("hummingbot", hummingbot)
        .put(ConfigReader.ENV_KEY, env)));
  }

  @Test
  void defaults() {
    HummingbotConfig config = read(new JsonObject(), new JsonObject());

    assertThat(config.riskAversion()).isEqualTo(0.1);
    assertThat(config.orderBookDepth()).isEqualTo(1.5);
    assertThat(config.minSpreadBps()).isEqualTo(10);
    assertThat(config.consensusSkewBps()).isEqualTo(5);
    assertThat(config.targetBaseFraction()).isZero();
    assertThat(config.orderAmount()).isEqualTo(0.05);
    assertThat(config.refreshToleranceBps()).isEqualTo(5);
    assertThat(config.maxInventory()).isEqualTo(1);
    assertThat(config.maker().id()).isEqualTo("hummingbot-mm.as-mm");
  }

  @Test
  void environmentBeatsTheFile() {
    HummingbotConfig config = read(new JsonObject().put("riskAversion", 0.3).put("orderAmount", 0.1),
        new JsonObject().put("TRADING_HUMMINGBOT_RISK_AVERSION", "0.7"));

    assertThat(config.riskAversion()).isEqualTo(0.7);
    assertThat(config.orderAmount()).isEqualTo(0.1);
  }

  @ParameterizedTest(name = "{0} = {1} is refused")
  @CsvSource(delimiter = '|', textBlock = """
      riskAversion        | 0
      orderBookDepth      | -1
      minSpreadBps        | -5
      targetBaseFraction  | 1.5
      orderAmount         | 0
      orderRefreshTicks   | 0
      maxInventory        | lots
      """)
  void badValuesNameTheirKey(String key, String value) {
    assertThatThrownBy(() -> read(new JsonObject().put(key, value), new JsonObject()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("hummingbot." + key);
  }
}
