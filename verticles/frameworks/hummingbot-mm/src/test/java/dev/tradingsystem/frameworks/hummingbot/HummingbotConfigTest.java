package dev.tradingsystem.frameworks.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.frameworks.hummingbot.quoting.AvellanedaStoikovSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.CycleSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.ExecutionTimeframe;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.frameworks.hummingbot.quoting.pmm.PmmSettings;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HummingbotConfigTest {

  /** {@code hummingbot.*} from dotted keys under it ("strategy.pmm.bidSpread" = "0.5"). */
  private static HummingbotConfig read(JsonObject env, String... keyValues) {
    JsonObject hummingbot = new JsonObject();
    for (int i = 0; i < keyValues.length; i += 2) {
      JsonObject node = hummingbot;
      String[] parts = keyValues[i].split("\\.");
      for (int p = 0; p < parts.length - 1; p++) {
        if (!node.containsKey(parts[p])) {
          node.put(parts[p], new JsonObject());
        }
        node = node.getJsonObject(parts[p]);
      }
      node.put(parts[parts.length - 1], keyValues[i + 1]);
    }
    return HummingbotConfig.from(ConfigReader.of(new JsonObject().put("hummingbot", hummingbot)
        .put(ConfigReader.ENV_KEY, env)));
  }

  private static HummingbotConfig read(String... keyValues) {
    return read(new JsonObject(), keyValues);
  }

  @Test
  void defaultsRunOneAvellanedaStoikovMakerOnEverySymbol() {
    HummingbotConfig config = read();

    assertThat(config.strategies()).singleElement().satisfies(spec -> {
      assertThat(spec.id()).isEqualTo("hummingbot-mm.as-mm");
      assertThat(spec.kind()).isEqualTo(StrategyConfigs.Kind.AVELLANEDA_STOIKOV);
      assertThat(spec.symbols()).isEmpty();
      AvellanedaStoikovSettings as = spec.avellanedaStoikov();
      assertThat(as.riskFactor()).isEqualTo(0.1);
      assertThat(as.kappa()).isEqualTo(1.5);
      assertThat(as.estimateKappa()).isTrue();
      assertThat(as.horizonSeconds()).isEqualTo(60);
      assertThat(as.timeframe().mode()).isEqualTo(ExecutionTimeframe.Mode.INFINITE);
      assertThat(as.minSpreadPct()).isEqualTo(0.1);
      assertThat(as.orderAmount()).isEqualTo(0.05);
      assertThat(as.maxInventory()).isEqualTo(1);
      CycleSettings cycle = spec.cycle();
      assertThat(cycle.refresh().refreshMicros()).isEqualTo(10_000_000);
      assertThat(cycle.filledOrderDelayMicros()).isEqualTo(60_000_000);
      assertThat(cycle.budgetConstraint()).isFalse();
    });
    assertThat(config.pauseAfterErrors()).isEqualTo(5);
    assertThat(config.errorWindow()).isEqualTo(50);
    assertThat(config.buildStrategies()).extracting(QuotingStrategy::id).containsExactly("hummingbot-mm.as-mm");
  }

  @Test
  void severalStrategiesOnTheirOwnSymbols() {
    HummingbotConfig config = read("strategies", "as-mm,pmm,eth-grid",
        "strategy.pmm.bidSpread", "0.2", "strategy.pmm.orderLevels", "3", "strategy.pmm.hangingOrdersEnabled", "true",
        "strategy.eth-grid.type", "pure-market-making", "strategy.eth-grid.symbols", "ETH/USD,ETH/BTC");

    assertThat(config.strategies()).extracting(StrategySpec::id)
        .containsExactly("hummingbot-mm.as-mm", "hummingbot-mm.pmm", "hummingbot-mm.eth-grid");
    PmmSettings pmm = config.strategies().get(1).pmm();
    assertThat(pmm.bidSpreadPct()).isEqualTo(0.2);
    assertThat(pmm.askSpreadPct()).isEqualTo(1);
    assertThat(pmm.orderLevels()).isEqualTo(3);
    assertThat(config.strategies().get(1).cycle().hangingOrdersEnabled()).isTrue();
    assertThat(config.strategies().get(1).cycle().budgetConstraint()).isTrue();
    assertThat(config.strategies().get(2).symbols()).isEqualTo(Set.of("ETH/USD", "ETH/BTC"));
    assertThat(config.buildStrategies().get(2).trades("BTC/USD")).isFalse();
  }

  @Test
  void environmentBeatsTheFile() {
    HummingbotConfig config = read(new JsonObject().put("TRADING_HUMMINGBOT_STRATEGY_AS_MM_RISK_FACTOR", "0.7"),
        "strategy.as-mm.riskFactor", "0.3", "strategy.as-mm.orderAmount", "0.1");

    assertThat(config.strategies().get(0).avellanedaStoikov().riskFactor()).isEqualTo(0.7);
    assertThat(config.strategies().get(0).avellanedaStoikov().orderAmount()).isEqualTo(0.1);
  }

  @Test
  void finiteTimeframesReadTheirWindow() {
    HummingbotConfig config = read("strategy.as-mm.executionTimeframe", "daily-between-times",
        "strategy.as-mm.startTime", "22:00", "strategy.as-mm.endTime", "02:00");

    assertThat(config.strategies().get(0).avellanedaStoikov().timeframe().mode())
        .isEqualTo(ExecutionTimeframe.Mode.DAILY_BETWEEN_TIMES);
  }

  @ParameterizedTest(name = "{0}: {1} = {2} -> refused naming {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      strategies | key                                  | value               | named key
      as-mm      | strategy.as-mm.riskFactor            | 0                   | strategy.as-mm.riskFactor
      as-mm      | strategy.as-mm.orderBookDepthFactor  | -1                  | strategy.as-mm.orderBookDepthFactor
      as-mm      | strategy.as-mm.minSpread             | -5                  | strategy.as-mm.minSpread
      as-mm      | strategy.as-mm.inventoryTargetBasePct| 150                 | strategy.as-mm.inventoryTargetBasePct
      as-mm      | strategy.as-mm.orderAmount           | 0                   | strategy.as-mm.orderAmount
      as-mm      | strategy.as-mm.orderRefreshTime      | 0                   | strategy.as-mm.orderRefreshTime
      as-mm      | strategy.as-mm.maxInventory          | lots                | strategy.as-mm.maxInventory
      as-mm      | strategy.as-mm.kappaEstimation       | maybe               | strategy.as-mm.kappaEstimation
      as-mm      | strategy.as-mm.executionTimeframe    | weekly              | strategy.as-mm.executionTimeframe
      as-mm      | strategy.as-mm.executionTimeframe    | from-date-to-date   | strategy.as-mm.startTime
      as-mm      | strategy.as-mm.bidSpread             | 1                   | strategy.as-mm.bidSpread
      as-mm      | strategy.as-mm.symbols               | btcusd              | strategy.as-mm.symbols
      pmm        | strategy.pmm.bidSpred                | 1                   | strategy.pmm.bidSpred
      pmm        | strategy.pmm.orderLevels             | 0                   | strategy.pmm.orderLevels
      pmm        | strategy.pmm.askSpread               | 101                 | strategy.pmm.askSpread
      pmm        | strategy.pmm.orderRefreshTolerancePct| -2                  | strategy.pmm.orderRefreshTolerancePct
      pmm        | strategy.pmm.hangingOrdersCancelPct  | -1                  | strategy.pmm.hangingOrdersCancelPct
      pmm        | strategy.pmm.filledOrderDelay        | -1                  | strategy.pmm.filledOrderDelay
      pmm        | strategy.pmm.riskFactor              | 1                   | strategy.pmm.riskFactor
      grid       | strategy.grid.orderAmount            | 1                   | strategy.grid.type
      Bad_Name   | pauseAfterErrors                     | 5                   | strategies
      as-mm      | pauseAfterErrors                     | 0                   | pauseAfterErrors
      as-mm      | errorWindow                          | 2                   | errorWindow
      as-mm      | alerts.widenFactor                   | 0.5                 | alerts.widenFactor
      as-mm      | riskAversion                         | 0.1                 | riskAversion
      """)
  void badValuesAreRefusedNamingTheirKey(String strategies, String key, String value, String named) {
    assertThatThrownBy(() -> read("strategies", strategies, key, value))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'hummingbot." + named + "'");
  }

  @ParameterizedTest(name = "{0} {1}–{2} -> refused naming {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      timeframe           | start                | end                  | named key
      from-date-to-date   | 2024-08-08T10:00:00Z | 2024-08-08T09:00:00Z | endTime
      from-date-to-date   | yesterday            | 2024-08-08T09:00:00Z | startTime
      daily-between-times | 09:00                | 25:00                | endTime
      daily-between-times | 09:00                | 09:00                | endTime
      """)
  void aTimeframeThatIsNoWindowIsRefused(String timeframe, String start, String end, String named) {
    assertThatThrownBy(() -> read("strategy.as-mm.executionTimeframe", timeframe, "strategy.as-mm.startTime", start,
        "strategy.as-mm.endTime", end))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'hummingbot.strategy.as-mm." + named + "'");
  }

  @Test
  void aPriceFloorMustBeBelowTheCeiling() {
    assertThatThrownBy(() -> read("strategies", "pmm", "strategy.pmm.priceCeiling", "1000",
        "strategy.pmm.priceFloor", "1000"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'hummingbot.strategy.pmm.priceFloor'");
  }
}
