package dev.tradingsystem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.data.source.BarTime;
import dev.tradingsystem.data.source.ReplayFormat;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.Instruments;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DataCollectorConfigTest {

  /** An empty environment snapshot, so that TRADING_* variables of the build machine do not leak in. */
  private static ConfigReader reader(JsonObject tree) {
    return ConfigReader.of(tree.put(ConfigReader.ENV_KEY, new JsonObject()));
  }

  @Test
  void defaultsReplayTheBundledBitstampTradesInLockstepWithThePipeline() {
    DataCollectorConfig config = DataCollectorConfig.from(reader(new JsonObject()));

    assertThat(config.data()).isEqualTo("classpath:bitstamp_trades_from_20131125_usd.csv");
    assertThat(config.instrument()).isEqualTo(Instruments.BITSTAMP_BTC_USD);
    assertThat(config.awaitServices())
        .doesNotContain(ServiceNames.DATA_COLLECTOR, ServiceNames.GATEWAY)
        .contains(ServiceNames.FREQTRADE, ServiceNames.HUMMINGBOT, ServiceNames.PORTFOLIO, ServiceNames.DEEPSEEK)
        .hasSize(ServiceNames.ALL.size() - 2);
    assertThat(config.lockstep()).isTrue();
    assertThat(config.rollCallTimeoutMs()).isEqualTo(60_000);
    assertThat(config.barrierTimeoutMs()).isEqualTo(60_000);
    assertThat(config.speed().isMax()).isTrue();
    assertThat(config.maxTicks()).isZero();
    assertThat(config.progressEvery()).isEqualTo(5_000);
    assertThat(config.autoStart()).isTrue();
    assertThat(config.features().candleSeconds()).isEqualTo(60);
    assertThat(config.features().emaFast()).isEqualTo(12);
    assertThat(config.features().emaSlow()).isEqualTo(26);
    assertThat(config.source().format()).isEqualTo(ReplayFormat.AUTO);
    assertThat(config.source().symbol()).as("unset: taken from the file").isNull();
    assertThat(config.source().venue()).isNull();
    assertThat(config.source().priceScale()).isEqualTo(-1);
    assertThat(config.source().sizeScale()).isEqualTo(-1);
    assertThat(config.source().plainCsvInstrument()).isEqualTo(Instruments.BITSTAMP_BTC_USD);
  }

  @Test
  void explicitSourceSettingsOverrideWhatTheDataSays() {
    DataCollectorConfig config = DataCollectorConfig.from(reader(new JsonObject()
        .put("replay", new JsonObject()
            .put("format", "binance-aggtrades").put("symbol", "ETH/USDT").put("priceScale", 2))));

    assertThat(config.source().format()).isEqualTo(ReplayFormat.BINANCE_AGGTRADES);
    assertThat(config.source().symbol()).isEqualTo("ETH/USDT");
    assertThat(config.source().priceScale()).isEqualTo(2);
    assertThat(config.source().sizeScale()).isEqualTo(-1);
  }

  @Test
  void readsOverrides() {
    DataCollectorConfig config = DataCollectorConfig.from(reader(new JsonObject()
        .put("replay", new JsonObject()
            .put("data", "/tmp/x.csv").put("symbol", "ETH/USD").put("venue", "kraken")
            .put("priceScale", 3).put("sizeScale", 6).put("awaitServices", new JsonArray())
            .put("lockstep", false).put("speed", "10").put("maxTicks", 2000))
        .put("features", new JsonObject().put("candleSeconds", 300))));

    assertThat(config.instrument().getSymbol()).isEqualTo("ETH/USD");
    assertThat(config.instrument().getVenue()).isEqualTo("kraken");
    assertThat(config.instrument().getPriceScale()).isEqualTo(3);
    assertThat(config.instrument().getSizeScale()).isEqualTo(6);
    assertThat(config.awaitServices()).isEmpty();
    assertThat(config.speed().multiplier()).isEqualTo(10.0);
    assertThat(config.maxTicks()).isEqualTo(2000);
    assertThat(config.features().candleSeconds()).isEqualTo(300);
  }

  @ParameterizedTest(name = "replay.interval={0}, replay.barTime={1}")
  @CsvSource(nullValues = "-", textBlock = """
      -,   -,     0,     OPEN
      1m,  close, 60,    CLOSE
      5m,  open,  300,   OPEN
      1h,  -,     3600,  OPEN
      1d,  CLOSE, 86400, CLOSE
      """)
  void candleCsvIntervalAndBarTime(String interval, String barTime, int seconds, BarTime expected) {
    JsonObject replay = new JsonObject();
    if (interval != null) {
      replay.put("interval", interval);
    }
    if (barTime != null) {
      replay.put("barTime", barTime);
    }
    DataCollectorConfig config = DataCollectorConfig.from(reader(new JsonObject().put("replay", replay)));

    assertThat(config.source().intervalSec()).isEqualTo(seconds);
    assertThat(config.source().barTime()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource({
      "replay, speed, warp, replay.speed",
      "replay, format, parquet, replay.format",
      "replay, symbol, btcusd, replay.symbol",
      "replay, barrierTimeoutMs, 0, replay.barrierTimeoutMs",
      "replay, progressEvery, 0, replay.progressEvery",
      "replay, lockstep, maybe, replay.lockstep",
      "replay, interval, 90, replay.interval",
      "replay, interval, 1y, replay.interval",
      "replay, barTime, middle, replay.barTime",
      "features, emaSlow, 5, features.emaSlow",
      "features, returnShort, 500, features.returnMedium",
      "collector, source, websocket, collector.source"})
  void badValuesFailNamingTheKey(String section, String key, String value, String reportedKey) {
    JsonObject tree = new JsonObject().put(section, new JsonObject().put(key, value));

    assertThatThrownBy(() -> DataCollectorConfig.from(reader(tree)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(reportedKey));
  }

  @Test
  void replayIsTheDefaultSourceAndIgnoresTheLiveKeys() {
    DataCollectorConfig config = DataCollectorConfig.from(reader(new JsonObject()
        .put("live", new JsonObject().put("venues", "kraken"))));

    assertThat(config.collectorSource()).isEqualTo(DataCollectorConfig.CollectorSource.REPLAY);
    assertThat(config.isLive()).isFalse();
    assertThat(config.live()).isNull();
  }

  @Test
  void liveSourceReadsTheLiveKeys() {
    DataCollectorConfig config = DataCollectorConfig.from(reader(new JsonObject()
        .put("collector", new JsonObject().put("source", "live"))
        .put("live", new JsonObject().put("venues", "binance,coinbase").put("stalenessMs", 2_000))));

    assertThat(config.isLive()).isTrue();
    assertThat(config.live().venues()).containsExactly("binance", "coinbase");
    assertThat(config.live().stalenessMs()).isEqualTo(2_000);
  }

  @Test
  void aLiveCollectorRefusesAnUnknownVenueNamingTheKey() {
    JsonObject tree = new JsonObject()
        .put("collector", new JsonObject().put("source", "live"))
        .put("live", new JsonObject().put("venues", "kraken"));

    assertThatThrownBy(() -> DataCollectorConfig.from(reader(tree)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("live.venues"));
  }
}
