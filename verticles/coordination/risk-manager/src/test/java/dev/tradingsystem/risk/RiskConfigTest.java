package dev.tradingsystem.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class RiskConfigTest {

  private static RiskConfig read(JsonObject tree, JsonObject env) {
    return RiskConfig.from(ConfigReader.of(tree.copy().put(ConfigReader.ENV_KEY, env)));
  }

  @Test
  void defaults() {
    RiskConfig config = read(new JsonObject(), new JsonObject());

    assertThat(config.limits().maxOrderNotionalMicros()).isEqualTo(25_000_000_000L);
    assertThat(config.limits().maxOrderQuantity()).isEqualTo(50);
    assertThat(config.limits().maxOrderQuantityUnits(RiskFixtures.BTC_USD)).isEqualTo(5_000_000_000L);
    assertThat(config.limits().priceCollarPct()).isEqualTo(5);
    assertThat(config.limits().maxDrawdown()).isEqualTo(0.2);
    assertThat(config.stateWaitMs()).as("replay waits long: load must not change a decision").isEqualTo(30_000);
    assertThat(config.portfolioTimeoutMs()).isEqualTo(30_000);
    assertThat(config.live()).isFalse();
  }

  @Test
  void liveKeepsShortDeadlines() {
    RiskConfig config = read(new JsonObject().put("clock", new JsonObject().put("mode", "wall")), new JsonObject());

    assertThat(config.stateWaitMs()).isEqualTo(RiskConfig.DEFAULT_STATE_WAIT_MS);
    assertThat(config.portfolioTimeoutMs()).isEqualTo(RiskConfig.DEFAULT_PORTFOLIO_TIMEOUT_MS);
  }

  @Test
  void fileAndEnvironmentOverride() {
    JsonObject tree = new JsonObject()
        .put("risk", new JsonObject().put("maxOrderNotional", "1000.5").put("priceCollarPct", 2))
        .put("clock", new JsonObject().put("mode", "wall"));

    RiskConfig config = read(tree, new JsonObject().put("TRADING_RISK_MAX_DRAWDOWN", "0.1"));

    assertThat(config.limits().maxOrderNotionalMicros()).isEqualTo(1_000_500_000L);
    assertThat(config.limits().priceCollarPct()).isEqualTo(2);
    assertThat(config.limits().maxDrawdown()).isEqualTo(0.1);
    assertThat(config.live()).isTrue();
  }

  @Test
  void badValuesFailNamingTheKey() {
    assertThatThrownBy(() -> read(new JsonObject().put("risk", new JsonObject().put("maxDrawdown", 1.5)), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("risk.maxDrawdown");
    assertThatThrownBy(() -> read(new JsonObject().put("risk", new JsonObject().put("maxOrderQuantity", "lots")), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("risk.maxOrderQuantity");
    assertThatThrownBy(() -> read(new JsonObject().put("clock", new JsonObject().put("mode", "sundial")), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("clock.mode");
  }

  @Test
  void newLimitsHaveSafeDefaults() {
    RiskConfig config = read(new JsonObject(), new JsonObject());

    assertThat(config.limits().referenceMaxAgeUs()).isEqualTo(30_000_000L);
    assertThat(config.limits().maxLeverage()).isEqualTo(1);
    assertThat(config.limits().maxPosition()).as("off: budgets and caps do it").isZero();
    assertThat(config.limits().restrictedSymbols()).isEmpty();
    assertThat(config.limits().throttle().ordersPerSecond()).isEqualTo(50);
    assertThat(config.limits().throttle().burst()).isEqualTo(100);
    assertThat(config.triggers().maxDailyLoss()).isEqualTo(0.1);
    assertThat(config.triggers().maxConsecutiveFailures()).isEqualTo(5);
    assertThat(config.triggers().flatten()).isFalse();
    assertThat(config.monitor().varConfidence()).isEqualTo(0.99);
    assertThat(config.monitor().snapshotEveryUs()).isEqualTo(1_000_000L);
  }

  @Test
  void symbolTablesAcceptDashedOrQuotedKeys() {
    JsonObject risk = new JsonObject()
        .put("restrictedSymbols", "XRP-USD, DOGE/USD")
        .put("maxPosition", 4)
        .put("instruments", new JsonObject().put("BTC-USD", new JsonObject().put("maxSize", 2).put("minNotional", 10)
            .put("maxNotional", 50_000)))
        .put("symbols", new JsonObject().put("ETH/USD", new JsonObject().put("maxQuantity", 100).put("maxPosition", 7)))
        .put("killSwitch", new JsonObject().put("flatten", true).put("errorRate", new JsonObject().put("window", 20)));

    RiskConfig config = read(new JsonObject().put("risk", risk), new JsonObject());

    assertThat(config.limits().restrictedSymbols()).containsExactlyInAnyOrder("XRP/USD", "DOGE/USD");
    assertThat(config.limits().symbol("BTC/USD").maxSize()).isEqualTo(2);
    assertThat(config.limits().symbol("BTC/USD").minNotionalMicros()).isEqualTo(10_000_000L);
    assertThat(config.limits().symbol("BTC/USD").maxNotionalMicros()).isEqualTo(50_000_000_000L);
    assertThat(config.limits().symbol("ETH/USD").maxQuantity()).isEqualTo(100);
    assertThat(config.limits().maxPositionFor("ETH/USD")).isEqualTo(7);
    assertThat(config.limits().maxPositionFor("BTC/USD")).isEqualTo(4);
    assertThat(config.triggers().flatten()).isTrue();
    assertThat(config.triggers().errorWindow()).isEqualTo(20);
  }

  @Test
  void badSymbolTablesFailNamingTheKey() {
    assertThatThrownBy(() -> read(new JsonObject().put("risk", new JsonObject().put("instruments",
        new JsonObject().put("BTC-USD", new JsonObject().put("maxSzie", 2)))), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("risk.instruments.BTC-USD.maxSzie");
    assertThatThrownBy(() -> read(new JsonObject().put("risk", new JsonObject().put("symbols",
        new JsonObject().put("bitcoin", new JsonObject().put("maxQuantity", 2)))), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("risk.symbols.bitcoin");
    assertThatThrownBy(() -> read(new JsonObject().put("risk", new JsonObject().put("instruments",
        new JsonObject().put("BTC-USD", new JsonObject().put("minNotional", 10).put("maxNotional", 5)))), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("risk.instruments.BTC-USD.minNotional");
    assertThatThrownBy(() -> read(new JsonObject().put("risk", new JsonObject().put("var",
        new JsonObject().put("confidence", 1.5))), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("risk.var.confidence");
    assertThatThrownBy(() -> read(new JsonObject().put("risk", new JsonObject().put("throttle",
        new JsonObject().put("burst", 0))), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("risk.throttle.burst");
    assertThatThrownBy(() -> read(new JsonObject().put("risk", new JsonObject().put("restrictedSymbols", "BTCUSD")), new JsonObject()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("risk.restrictedSymbols");
  }
}
