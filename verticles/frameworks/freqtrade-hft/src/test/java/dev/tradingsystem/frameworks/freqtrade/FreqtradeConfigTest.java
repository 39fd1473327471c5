package dev.tradingsystem.frameworks.freqtrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreqtradeConfigTest {

  private static FreqtradeConfig read(JsonObject freqtrade) {
    return FreqtradeConfig.from(ConfigReader.of(new JsonObject().put("freqtrade", freqtrade)
        .put(ConfigReader.ENV_KEY, new JsonObject())));
  }

  @Test
  void defaults() {
    FreqtradeConfig config = read(new JsonObject());

    assertThat(config.strategy()).isEqualTo("momentum");
    assertThat(config.allowShort()).isFalse();
    assertThat(config.stakeAmount()).isEqualByComparingTo("1000");
    assertThat(config.stoploss()).isEqualByComparingTo("-0.02");
    assertThat(config.orderType()).isEqualTo(OrderType.MARKET);
    assertThat(config.minimalRoi().rows()).containsOnlyKeys(0L, 30L, 60L);
    assertThat(config.minimalRoi().requiredProfit(30)).contains(new BigDecimal("0.005"));
    assertThat(config.clockMode()).isEqualTo("event");
    assertThat(config.portfolioWaitMillis()).as("replay waits: load must not change a decision").isEqualTo(30_000);
    assertThat(config.riskTimeoutMillis()).isEqualTo(30_000);
  }

  @Test
  void liveKeepsShortDeadlines() {
    FreqtradeConfig config = FreqtradeConfig.from(ConfigReader.of(new JsonObject()
        .put("clock", new JsonObject().put("mode", "wall")).put(ConfigReader.ENV_KEY, new JsonObject())));

    assertThat(config.portfolioWaitMillis()).isEqualTo(FreqtradeConfig.DEFAULT_PORTFOLIO_WAIT_MILLIS);
    assertThat(config.riskTimeoutMillis()).isEqualTo(FreqtradeConfig.DEFAULT_RISK_TIMEOUT_MILLIS);
  }

  @Test
  void overridesFromTheTreeAndFromTheEnvironment() {
    JsonObject env = new JsonObject()
        .put("TRADING_FREQTRADE_MINIMAL_ROI", "{\"0\": 0.02, \"10\": 0.001}")
        .put("TRADING_FREQTRADE_ORDER_TYPE", "limit");
    FreqtradeConfig config = FreqtradeConfig.from(ConfigReader.of(new JsonObject()
        .put("freqtrade", new JsonObject().put("allowShort", true).put("stakeAmount", 250).put("stoploss", -0.05))
        .put(ConfigReader.ENV_KEY, env)));

    assertThat(config.allowShort()).isTrue();
    assertThat(config.stakeAmount()).isEqualByComparingTo("250");
    assertThat(config.stoploss()).isEqualByComparingTo("-0.05");
    assertThat(config.orderType()).isEqualTo(OrderType.LIMIT);
    assertThat(config.minimalRoi().requiredProfit(12)).contains(new BigDecimal("0.001"));
  }

  @ParameterizedTest(name = "{0} = {1} is refused")
  @CsvSource(delimiter = '|', textBlock = """
      strategy   | martingale
      orderType  | stop
      stoploss   | 0.02
      stakeAmount| 0
      minimalRoi | not json
      minimalRoi | {"later": 0.01}
      entryThreshold | 1.5
      """)
  void badValuesNameTheirKey(String key, String value) {
    assertThatThrownBy(() -> read(new JsonObject().put(key, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("freqtrade." + key);
  }
}
