package dev.tradingsystem.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.data.source.RejectReason;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DataCollectorVerticleTest {

  static final String BAD_ROWS_CSV = """
      timestamp,price,amount
      1385337600,800.01,0.1
      1385337601,NaN,0.2
      1385337602,800.50,-1
      1385337590,800.00,0.5
      garbage
      1385337603,abc,1
      1385337660,801.00,0.3
      1385337661,2000.00,0.1
      1385337662,801.005,0.1
      1385337720,802.00,1
      """;

  @TempDir
  Path dir;

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  /** Replay settings for a test on its own: nobody to wait for, no barrier. */
  static JsonObject replay(Path data) {
    return new JsonObject()
        .put(ConfigReader.ENV_KEY, new JsonObject())
        .put("replay", new JsonObject()
            .put("data", data.toString())
            .put("awaitServices", new JsonArray())
            .put("lockstep", false));
  }

  static Future<String> deploy(Vertx vertx, JsonObject config) {
    return vertx.deployVerticle(new DataCollectorVerticle(), new DeploymentOptions().setConfig(config));
  }

  @Test
  void replaysValidTradesAndDeadLettersTheRest(Vertx vertx, VertxTestContext test) throws IOException {
    Path csv = Files.writeString(dir.resolve("trades.csv"), BAD_ROWS_CSV);
    JsonObject config = replay(csv);
    config.getJsonObject("replay").put("progressEvery", 2);
    double notFiniteBefore = rejectedCount(RejectReason.NOT_FINITE);

    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, config)
            .compose(id -> tape.completed())
            .compose(done -> ServiceStats.fetch(vertx, ServiceNames.DATA_COLLECTOR, 5_000))
            .onComplete(test.succeeding(stats -> test.verify(() -> {
              assertThat(tape.trades).extracting(Trade::getPrice).containsExactly(80_001L, 80_100L, 80_200L);
              assertThat(tape.trades).extracting(Trade::getSize).containsExactly(10_000_000L, 30_000_000L, 100_000_000L);
              assertThat(tape.trades).extracting(t -> t.getMeta().getId()).containsExactly("md-1", "md-2", "md-3");
              assertThat(tape.trades).extracting(t -> t.getMeta().getTraceId()).containsExactly("t-1", "t-2", "t-3");
              assertThat(tape.trades).extracting(t -> t.getMeta().getSeq()).containsExactly(1L, 2L, 3L);
              assertThat(tape.trades).extracting(t -> t.getMeta().getEventTimeUs())
                  .containsExactly(1_385_337_600_000_000L, 1_385_337_660_000_000L, 1_385_337_720_000_000L);
              assertThat(tape.trades).allSatisfy(t -> assertThat(t.getMeta().getIngestTimeUs()).isPositive());

              assertThat(tape.features).extracting(FeatureVector::getMeta)
                  .containsExactlyElementsOf(tape.trades.stream().map(Trade::getMeta).toList());
              assertThat(tape.features).extracting(FeatureVector::hasClosedCandle).containsExactly(false, true, true);
              assertThat(tape.features.get(1).getClosedCandle().getOpen()).isEqualTo(80_001L);
              assertThat(tape.features.get(2).getClosedCandle().getVolume()).isEqualTo(30_000_000L);
              assertThat(tape.features.get(2).getTradesSeen()).isEqualTo(3);

              assertThat(tape.deadLetters).extracting(DeadLetter::getReason).containsExactly(
                  "not_finite", "non_positive_size", "out_of_order", "field_count", "unparseable",
                  "absurd_price", "excess_precision");
              assertThat(tape.deadLetters.get(3).getPayload()).startsWith("line 6: garbage");
              assertThat(tape.deadLetters).allSatisfy(d -> assertThat(d.getSource()).isEqualTo("data-collector/replay"));

              assertThat(tape.progress).extracting(ReplayProgress::getTicks).containsExactly(2L, 3L);
              ReplayProgress last = tape.progress.get(1);
              assertThat(last.getCompleted()).isTrue();
              assertThat(last.getRejected()).isEqualTo(7);
              assertThat(last.getTotalHint()).isEqualTo(10);

              assertThat(stats.getLong("ticks")).isEqualTo(3);
              assertThat(stats.getLong("rejected")).isEqualTo(7);
              assertThat(stats.getJsonObject("rejectedByReason").getMap()).containsOnlyKeys(
                  "not_finite", "non_positive_size", "out_of_order", "field_count", "unparseable",
                  "absurd_price", "excess_precision");
              assertThat(stats.getLong("barrierTimeouts")).isZero();
              assertThat(stats.getBoolean("completed")).isTrue();
              assertThat(stats.getString("source")).isEqualTo(csv.toString());
              assertThat(rejectedCount(RejectReason.NOT_FINITE)).isEqualTo(notFiniteBefore + 1);
              test.completeNow();
            }))));
  }

  @Test
  void aFileWithoutValidRowsStillCompletes(Vertx vertx, VertxTestContext test) throws IOException {
    Path csv = Files.writeString(dir.resolve("empty.csv"), "timestamp,price,amount\nnot,a,trade\n");

    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, replay(csv)).compose(id -> tape.completed()))
        .onComplete(test.succeeding(done -> test.verify(() -> {
          assertThat(done.getTicks()).isZero();
          assertThat(done.getRejected()).isEqualTo(1);
          test.completeNow();
        })));
  }

  @Test
  void waitsForTheStartMessageWhenAutoStartIsOff(Vertx vertx, VertxTestContext test) throws IOException {
    Path csv = Files.writeString(dir.resolve("trades.csv"), BAD_ROWS_CSV);
    JsonObject config = replay(csv);
    config.getJsonObject("replay").put("autoStart", false);

    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, config)
            .compose(id -> ServiceStats.fetch(vertx, ServiceNames.DATA_COLLECTOR, 5_000))
            .compose(before -> {
              test.verify(() -> {
                assertThat(before.getBoolean("started")).isFalse();
                assertThat(tape.trades).isEmpty();
              });
              return vertx.eventBus().<String>request(DataCollectorVerticle.START_ADDRESS, "go");
            })
            .compose(reply -> {
              test.verify(() -> assertThat(reply.body()).isEqualTo("started"));
              return tape.completed();
            }))
        .onComplete(test.succeeding(done -> test.verify(() -> {
          assertThat(done.getTicks()).isEqualTo(3);
          test.completeNow();
        })));
  }

  @Test
  void aMissingServiceAbandonsTheReplayAfterTheRollCallTimeout(Vertx vertx, VertxTestContext test) throws IOException {
    Path csv = Files.writeString(dir.resolve("trades.csv"), BAD_ROWS_CSV);
    JsonObject config = replay(csv);
    config.getJsonObject("replay")
        .put("awaitServices", new JsonArray().add("risk-manager"))
        .put("rollCallTimeoutMs", 100)
        .put("rollCallIntervalMs", 20);

    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, config)
            .compose(id -> tape.completed())
            .compose(done -> ServiceStats.fetch(vertx, ServiceNames.DATA_COLLECTOR, 5_000))
            .onComplete(test.succeeding(stats -> test.verify(() -> {
              assertThat(tape.trades).isEmpty();
              assertThat(tape.progress).singleElement().satisfies(p -> assertThat(p.getTicks()).isZero());
              assertThat(stats.getString("error")).contains("roll call").contains("risk-manager");
              test.completeNow();
            }))));
  }

  @Test
  void aMissingFileFailsTheDeploymentNamingTheKey(Vertx vertx, VertxTestContext test) {
    deploy(vertx, replay(dir.resolve("missing.csv"))).onComplete(test.failing(e -> test.verify(() -> {
      assertThat(e).isInstanceOfSatisfying(ConfigException.class, c -> assertThat(c.key()).isEqualTo("replay.data"));
      test.completeNow();
    })));
  }

  @Test
  void pacedReplayTakesAtLeastTheScaledEventTime(Vertx vertx, VertxTestContext test) throws IOException {
    // 2 s of event time at 20x: at least 100 ms of wall time.
    Path csv = Files.writeString(dir.resolve("paced.csv"),
        "timestamp,price,amount\n1385337600,800,1\n1385337601,800,1\n1385337602,800,1\n");
    JsonObject config = replay(csv);
    config.getJsonObject("replay").put("speed", "20");
    long startNanos = System.nanoTime();

    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, config).compose(id -> tape.completed()))
        .onComplete(test.succeeding(done -> test.verify(() -> {
          assertThat(done.getTicks()).isEqualTo(3);
          assertThat(System.nanoTime() - startNanos).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
          test.completeNow();
        })));
  }

  @Test
  void replaysTheBundledBitstampTrades(Vertx vertx, VertxTestContext test) throws IOException {
    long firstPrice = firstBundledPriceInCents();
    JsonObject config = new JsonObject()
        .put(ConfigReader.ENV_KEY, new JsonObject())
        .put("replay", new JsonObject()
            .put("awaitServices", new JsonArray())
            .put("lockstep", false)
            .put("maxTicks", 2000)
            .put("progressEvery", 1000));

    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, config)
            .compose(id -> tape.completed())
            .onComplete(test.succeeding(done -> test.verify(() -> {
              assertThat(done.getTicks()).isEqualTo(2000);
              assertThat(done.getTotalHint()).isEqualTo(2000);
              assertThat(done.getSource()).isEqualTo("classpath:bitstamp_trades_from_20131125_usd.csv");
              assertThat(tape.trades).hasSize(2000);
              assertThat(tape.features).hasSize(2000);
              assertThat(tape.trades.get(0).getPrice()).isEqualTo(firstPrice);
              assertThat(tape.trades.get(0).getInstrument().getSymbol()).isEqualTo("BTC/USD");
              assertThat(tape.trades).extracting(t -> t.getMeta().getSeq())
                  .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 2000).boxed().toList());
              assertThat(tape.progress).extracting(ReplayProgress::getTicks).containsExactly(1000L, 2000L, 2000L);
              assertThat(tape.features).filteredOn(FeatureVector::hasClosedCandle).isNotEmpty();
              test.completeNow();
            }))));
  }

  /** The first data row of the bundled resource, parsed independently of the collector. */
  private static long firstBundledPriceInCents() throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        DataCollectorVerticleTest.class.getClassLoader().getResourceAsStream("bitstamp_trades_from_20131125_usd.csv"),
        StandardCharsets.UTF_8))) {
      reader.readLine();
      List<String> fields = List.of(reader.readLine().split(","));
      return new java.math.BigDecimal(fields.get(1)).movePointRight(2).longValueExact();
    }
  }

  private static double rejectedCount(RejectReason reason) {
    Counter counter = TradingMetrics.registry().find("trading_data_rejected")
        .tags("source", "replay", "reason", reason.code()).counter();
    return counter == null ? 0 : counter.count();
  }
}
