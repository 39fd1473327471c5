package dev.tradingsystem.portfolio.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.portfolio.allocation.AllocationSettings.Policy;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllocationSettingsTest {

  @Test
  void defaultsKeepTheFixedPolicy() {
    AllocationSettings settings = AllocationSettings.from(reader(new JsonObject()));

    assertThat(settings).isEqualTo(new AllocationSettings(Policy.FIXED, 3_600_000_000L, 60_000_000L, 0.20, 0.25,
        0.5, 20, 0.5, 300_000_000L, 0.94));
    assertThat(settings.budgetPolicy().name()).isEqualTo("fixed");
  }

  @Test
  void readsEveryKey() {
    AllocationSettings settings = AllocationSettings.from(reader(new JsonObject()
        .put("policy", "risk-parity").put("rebalanceEvery", "15m").put("minInterval", "30s")
        .put("targetVolatility", 0.15).put("kellyFraction", "0.5").put("maxShare", 0.6).put("minHistory", 10)
        .put("riskEventScale", 0.25).put("returnInterval", 60).put("ewmaLambda", 0.97)));

    assertThat(settings).isEqualTo(new AllocationSettings(Policy.RISK_PARITY, 900_000_000L, 30_000_000L, 0.15, 0.5,
        0.6, 10, 0.25, 60_000_000L, 0.97));
    assertThat(settings.budgetPolicy()).isInstanceOf(RiskParityAllocation.class);
  }

  @ParameterizedTest(name = "policy {0} → {1}")
  @CsvSource({"fixed, fixed", "volatility-target, volatility-target", "risk-parity, risk-parity", "KELLY, kelly"})
  void eachPolicyByItsName(String configured, String name) {
    AllocationSettings settings = AllocationSettings.from(reader(new JsonObject().put("policy", configured)));

    assertThat(settings.budgetPolicy().name()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0} = {1} is refused naming {2}")
  @CsvSource({
      "policy,           martingale, portfolio.allocation.policy",
      "rebalanceEvery,   soon,       portfolio.allocation.rebalanceEvery",
      "rebalanceEvery,   0s,         portfolio.allocation.rebalanceEvery",
      "minInterval,      2h,         portfolio.allocation.minInterval",
      "targetVolatility, 0,          portfolio.allocation.targetVolatility",
      "kellyFraction,    0,          portfolio.allocation.kellyFraction",
      "kellyFraction,    1.5,        portfolio.allocation.kellyFraction",
      "maxShare,         2,          portfolio.allocation.maxShare",
      "minHistory,       1,          portfolio.allocation.minHistory",
      "riskEventScale,   -0.1,       portfolio.allocation.riskEventScale",
      "returnInterval,   5 minutes,  portfolio.allocation.returnInterval",
      "ewmaLambda,       1,          portfolio.allocation.ewmaLambda",
  })
  void badValuesAreRefusedNamingTheirKey(String key, String value, String named) {
    ConfigReader reader = reader(new JsonObject().put(key, value));

    assertThatThrownBy(() -> AllocationSettings.from(reader))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(named));
  }

  private static ConfigReader reader(JsonObject allocation) {
    return ConfigReader.of(new JsonObject()
        .put(ConfigReader.ENV_KEY, new JsonObject())
        .put("portfolio", new JsonObject().put("allocation", allocation)));
  }
}
