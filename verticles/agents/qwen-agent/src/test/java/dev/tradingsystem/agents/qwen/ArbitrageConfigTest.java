package dev.tradingsystem.agents.qwen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ArbitrageConfigTest {

  private static ConfigReader config(JsonObject qwen, JsonObject env) {
    return ConfigReader.of(new JsonObject().put("agents", new JsonObject().put("qwen", qwen))
        .put(ConfigReader.ENV_KEY, env));
  }

  @Test
  void feesPerVenueWithADefaultAndEnvironmentOverrides() {
    ArbitrageConfig arb = ArbitrageConfig.from(config(new JsonObject()
            .put("fees", new JsonObject().put("Binance", 7.5).put("kraken", 26).put("default", 20))
            .put("arbitrage", new JsonObject().put("maxQuoteAgeMs", 250)),
        new JsonObject().put("TRADING_AGENTS_QWEN_FEES_KRAKEN", "40")));
    FeeSchedule fees = arb.fees();
    assertThat(fees.takerBps("binance")).isEqualTo(7.5);
    assertThat(fees.takerBps("kraken")).isEqualTo(40);
    assertThat(fees.takerBps("coinbase")).isEqualTo(20);
    assertThat(fees.keep("binance")).isEqualTo(1 - 7.5 / 10_000);
    assertThat(arb.maxQuoteAgeUs()).isEqualTo(250_000);
    assertThat(arb.historyPerBook()).isEqualTo(ArbitrageConfig.DEFAULT_HISTORY_PER_BOOK);
  }

  @Test
  void defaultsWithoutConfig() {
    ArbitrageConfig arb = ArbitrageConfig.from(config(new JsonObject(), new JsonObject()));
    assertThat(arb).isEqualTo(ArbitrageConfig.defaults());
    assertThat(arb.fees().takerBps("anywhere")).isEqualTo(ArbitrageConfig.DEFAULT_TAKER_FEE_BPS);
  }

  @Test
  void aNegativeFeeFailsNamingTheKey() {
    assertThatThrownBy(() -> ArbitrageConfig.from(config(new JsonObject()
        .put("fees", new JsonObject().put("binance", -1)), new JsonObject())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("agents.qwen.fees.binance");
  }
}
