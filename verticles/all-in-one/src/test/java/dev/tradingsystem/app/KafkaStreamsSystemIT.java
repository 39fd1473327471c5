package dev.tradingsystem.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.kafka.KafkaSettings;
import dev.tradingsystem.shared.kafka.KafkaStreamReader;
import dev.tradingsystem.shared.kafka.StreamRecord;
import dev.tradingsystem.shared.runtime.ClusterSupport.ClusterOptions;
import dev.tradingsystem.shared.runtime.LaunchOptions;
import dev.tradingsystem.shared.testing.KafkaBroker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main job with {@code kafka.bootstrapServers} set, against a real KRaft broker: every
 * consensus and every execution of the run lands on its topic exactly once, keyed by symbol, and a
 * reader started after the run (a restarted service catching up) gets them all from the start.
 */
class KafkaStreamsSystemIT {

  private static final long TICKS = 2_000;
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aRunMirrorsEachConsensusAndExecutionOnceAndALateReaderCatchesUp() throws Exception {
    LaunchOptions options = new LaunchOptions(null, List.of("replay.maxTicks=" + TICKS,
        "warehouse.backend=none", "kafka.bootstrapServers=" + broker.bootstrapServers()), false,
        "127.0.0.1", 0, 0, ClusterOptions.local());
    CoLocatedRun.Result result = CoLocatedRun.start(options, progress -> { })
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    JsonObject report = result.report().toJson();
    // Closing flushes what the bridge still holds.
    result.process().close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
    assertThat(report.getLong("fills")).as("the run must fill something to mirror").isPositive();

    Vertx vertx = Vertx.vertx();
    List<StreamRecord> received = new CopyOnWriteArrayList<>();
    KafkaSettings settings = KafkaSettings.from(ConfigReader.of(new JsonObject()
        .put("kafka", new JsonObject().put("bootstrapServers", broker.bootstrapServers()))));
    KafkaStreamReader reader = KafkaStreamReader.start(vertx, settings, "late-reader",
            KafkaStreamReader.Options.fromEarliest("consensus", "executions"),
            record -> {
              received.add(record);
              return Future.succeededFuture();
            })
        .toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
    try {
      await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
        assertThat(received.stream().filter(r -> r.message() instanceof Consensus)).hasSize(
            report.getInteger("decisions"));
        assertThat(received.stream().filter(r -> r.message() instanceof Execution)).hasSize(
            report.getInteger("fills"));
      });
      assertThat(received).extracting(StreamRecord::key).containsOnly("BTC/USD");
      assertThat(received).extracting(StreamRecord::messageId).doesNotHaveDuplicates();
      assertThat(received).extracting(StreamRecord::topic).containsOnly("consensus", "executions");
      assertThat(reader.duplicates()).isZero();
      assertThat(reader.deadLettered()).isZero();
    } finally {
      reader.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
      vertx.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
    }
  }
}
