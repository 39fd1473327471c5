package dev.tradingsystem.frameworks.freqtrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.frameworks.freqtrade.trade.protection.CooldownPeriod;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.StoplossGuard;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreqtradeConfigTest {

  private static FreqtradeConfig read(JsonObject freqtrade, JsonObject env) {
    return FreqtradeConfig.from(ConfigReader.of(new JsonObject()
        .put("frameworks", new JsonObject().put("freqtrade", freqtrade)).put(ConfigReader.ENV_KEY, env)));
  }

  private static FreqtradeConfig read(JsonObject freqtrade) {
    return read(freqtrade, new JsonObject());
  }

  private static JsonObject strategies(String json) {
    return new JsonObject().put("strategies", new JsonObject(json));
  }

  @Test
  void withoutStrategiesTheServiceRunsMomentumWithItsDefaults() {
    FreqtradeConfig config = read(new JsonObject());

    StrategySpec momentum = config.strategies().get(0);
    assertThat(config.strategies()).hasSize(1);
    assertThat(momentum.id()).isEqualTo("freqtrade-hft.momentum");
    assertThat(momentum.type()).isEqualTo("momentum");
    assertThat(momentum.pairs()).as("every pair").isEmpty();
    assertThat(momentum.parameters().decimal("entryThreshold")).isEqualTo(0.2);
    assertThat(momentum.exits().minimalRoi().rows()).containsOnlyKeys(0L, 30L, 60L);
    assertThat(momentum.exits().stoploss()).isEqualByComparingTo("-0.02");
    assertThat(momentum.exits().trailing().enabled()).isFalse();
    assertThat(momentum.exits().fee()).isEqualByComparingTo("0.001");
    assertThat(momentum.stake().stakeAmount()).isEqualByComparingTo("1000");
    assertThat(momentum.stake().maxOpenTrades()).isEqualTo(3);
    assertThat(momentum.stake().dryRunWallet()).isEqualByComparingTo("10000");
    assertThat(momentum.stake().tradableBalanceRatio()).isEqualByComparingTo("0.99");
    assertThat(momentum.trading().orderType()).isEqualTo(OrderType.MARKET);
    assertThat(momentum.trading().canShort()).isFalse();
    assertThat(momentum.protections()).isEmpty();
    assertThat(config.clockMode()).isEqualTo("event");
    assertThat(config.portfolioWaitMillis()).as("replay waits: load must not change a decision").isEqualTo(30_000);
    assertThat(config.riskTimeoutMillis()).isEqualTo(30_000);
    assertThat(config.maxStrategyErrors()).isEqualTo(5);
    assertThat(config.alertHoldMicros()).isEqualTo(300_000_000L);
  }

  @Test
  void riskAlertHoldIsReadInSecondsAndMustBePositive() {
    assertThat(read(new JsonObject().put("risk", new JsonObject().put("alertHoldSeconds", 1.5))).alertHoldMicros())
        .isEqualTo(1_500_000L);
    assertThatThrownBy(() -> read(new JsonObject().put("risk", new JsonObject().put("alertHoldSeconds", 0))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("frameworks.freqtrade.risk.alertHoldSeconds");
  }

  @Test
  void severalStrategiesAndPairsRunInOneService() {
    FreqtradeConfig config = read(strategies("""
        {
          "momentum": {"pairs": ["BTC/USD"]},
          "edge": {"strategy": "consensus-edge", "stakeAmount": "unlimited", "maxOpenTrades": 2,
                   "params": {"minEdgeBps": 20}},
          "band": {"strategy": "forecast-band", "pairs": "BTC/USD,ETH/USD", "timeframe": "5m",
                   "trailingStop": true, "trailingStopPositive": 0.01, "trailingStopPositiveOffset": 0.02,
                   "trailingOnlyOffsetIsReached": true, "maxEntryPositionAdjustment": 1,
                   "protections": [
                     {"method": "StoplossGuard", "lookback_period_candles": 12, "trade_limit": 2,
                      "stop_duration_candles": 6, "only_per_pair": true},
                     {"method": "CooldownPeriod", "stopDurationCandles": 1}]},
          "bands": {"strategy": "bollinger-rsi", "enabled": false}
        }"""));

    assertThat(config.strategies()).extracting(StrategySpec::id)
        .containsExactly("freqtrade-hft.band", "freqtrade-hft.edge", "freqtrade-hft.momentum");
    StrategySpec band = config.strategies().get(0);
    assertThat(band.pairs()).containsExactly("BTC/USD", "ETH/USD");
    assertThat(band.timeframe().minutes()).isEqualTo(5);
    assertThat(band.exits().trailing().positive()).isEqualByComparingTo("0.01");
    assertThat(band.exits().trailing().onlyOffsetIsReached()).isTrue();
    assertThat(band.trading().positionAdjustmentEnable()).as("the strategy class declares DCA").isTrue();
    assertThat(band.trading().maxEntryPositionAdjustment()).isEqualTo(1);
    assertThat(band.protections()).hasExactlyElementsOfTypes(StoplossGuard.class, CooldownPeriod.class);
    assertThat(band.protections().get(0).lookbackMinutes()).isEqualTo(60);
    assertThat(band.protections().get(1).lookbackMinutes()).as("cooldown: one 5m candle").isEqualTo(5);
    StrategySpec edge = config.strategies().get(1);
    assertThat(edge.stake().stakeAmount()).as("unlimited").isNull();
    assertThat(edge.stake().maxOpenTrades()).isEqualTo(2);
    assertThat(edge.parameters().decimal("minEdgeBps")).isEqualTo(20);
    assertThat(config.strategies().get(2).trades("ETH/USD")).isFalse();
  }

  @Test
  void theEnvironmentOverridesOneKeyOrTheWholeTree() {
    JsonObject oneKey = new JsonObject()
        .put("TRADING_FRAMEWORKS_FREQTRADE_STRATEGIES_MOMENTUM_STOPLOSS", "-0.05")
        .put("TRADING_FRAMEWORKS_FREQTRADE_STRATEGIES_MOMENTUM_MINIMAL_ROI", "{\"0\": 0.02, \"10\": 0.001}")
        .put("TRADING_FRAMEWORKS_FREQTRADE_STRATEGIES_MOMENTUM_PARAMS_ENTRY_THRESHOLD", "0.4");
    StrategySpec momentum = read(new JsonObject(), oneKey).strategies().get(0);

    assertThat(momentum.exits().stoploss()).isEqualByComparingTo("-0.05");
    assertThat(momentum.exits().minimalRoi().requiredProfit(12)).contains(new BigDecimal("0.001"));
    assertThat(momentum.parameters().decimal("entryThreshold")).isEqualTo(0.4);

    JsonObject wholeTree = new JsonObject().put("TRADING_FRAMEWORKS_FREQTRADE_STRATEGIES",
        "{\"fast\": {\"strategy\": \"momentum\", \"orderType\": \"limit\"}}");
    List<StrategySpec> specs = read(strategies("{\"momentum\": {}}"), wholeTree).strategies();

    assertThat(specs).extracting(StrategySpec::id).containsExactly("freqtrade-hft.fast");
    assertThat(specs.get(0).trading().orderType()).isEqualTo(OrderType.LIMIT);
  }

  @ParameterizedTest(name = "[{index}] {0} is refused naming {1}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', quoteCharacter = '`', textBlock = """
      settings of the momentum strategy                                              | key named
      {"orderType": "stop"}                                                          | momentum.orderType
      {"stoploss": 0.02}                                                             | momentum.stoploss
      {"stopLoss": -0.1}                                                             | momentum.stopLoss
      {"stakeAmount": 0}                                                             | momentum.stakeAmount
      {"stakeAmount": "unlimited", "maxOpenTrades": -1}                              | momentum.maxOpenTrades
      {"tradableBalanceRatio": 1.5}                                                  | momentum.tradableBalanceRatio
      {"minimalRoi": "not json"}                                                     | momentum.minimalRoi
      {"minimalRoi": {"later": 0.01}}                                                | momentum.minimalRoi
      {"params": {"entryThreshold": 1.5}}                                            | momentum.params.entryThreshold
      {"params": {"entryTreshold": 0.5}}                                             | momentum.params.entryTreshold
      {"strategy": "martingale"}                                                     | momentum.strategy
      {"trailingStop": true, "trailingOnlyOffsetIsReached": true}                    | momentum.trailingOnlyOffsetIsReached
      {"trailingStop": true, "trailingStopPositive": 0.02, "trailingStopPositiveOffset": 0.01} | momentum.trailingStopPositiveOffset
      {"trailingStopPositive": 0}                                                    | momentum.trailingStopPositive
      {"timeframe": "7x"}                                                            | momentum.timeframe
      {"pairs": ["btc-usd"]}                                                         | momentum.pairs
      {"maxEntryPositionAdjustment": -2}                                             | momentum.maxEntryPositionAdjustment
      {"fee": 0.5}                                                                   | momentum.fee
      {"protections": "nope"}                                                        | momentum.protections
      {"protections": [{"method": "StoplossGaurd"}]}                                 | momentum.protections[0].method
      {"protections": [{"method": "StoplossGuard", "trade_limit": 0}]}               | momentum.protections[0].trade_limit
      {"protections": [{"method": "LowProfitPairs", "required_profit": "high"}]}     | momentum.protections[0].required_profit
      {"protections": [{"method": "MaxDrawdown", "only_per_pair": true}]}            | momentum.protections[0].only_per_pair
      {"protections": [{"method": "CooldownPeriod"}, {"method": "CooldownPeriod", "stop_duration": 5, "stop_duration_candles": 2}]} | momentum.protections[1].stop_duration
      """)
  void badSettingsNameTheirKey(String settings, String key) {
    assertThatThrownBy(() -> read(strategies("{\"momentum\": " + settings + "}")))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("frameworks.freqtrade.strategies." + key));
  }

  @ParameterizedTest(name = "[{index}] {0} is refused naming {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"strategies": {"Momentum!": {}}}                           | frameworks.freqtrade.strategies.Momentum!
      {"strategies": {"scalper": {}}}                             | frameworks.freqtrade.strategies.scalper.strategy
      {"strategies": {"momentum": 3}}                             | frameworks.freqtrade.strategies.momentum
      {"strategies": {"momentum": {"enabled": false}}}            | frameworks.freqtrade.strategies
      {"maxStrategyErrors": 0}                                    | frameworks.freqtrade.maxStrategyErrors
      {"maxStrategyErrors": 10, "strategyErrorWindow": 5}         | frameworks.freqtrade.strategyErrorWindow
      """)
  void badServiceSettingsNameTheirKey(String freqtrade, String key) {
    assertThatThrownBy(() -> read(new JsonObject(freqtrade)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key));
  }
}
