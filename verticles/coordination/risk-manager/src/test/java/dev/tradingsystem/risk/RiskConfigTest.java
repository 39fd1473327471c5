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
}
