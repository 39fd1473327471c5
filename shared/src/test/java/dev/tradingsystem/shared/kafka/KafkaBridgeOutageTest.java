package dev.tradingsystem.shared.kafka;

import static dev.tradingsystem.shared.kafka.KafkaFixtures.WAIT;
import static dev.tradingsystem.shared.kafka.KafkaFixtures.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.testing.KafkaBroker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bridge while its broker is gone: failures are counted, the publisher and its local
 * consumers carry on, and mirroring resumes when the broker is back. Its own broker, since this
 * test stops it.
 */
@ExtendWith(VertxExtension.class)
class KafkaBridgeOutageTest {

  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aGoneBrokerCostsCountedErrorsNotTheServiceAndMirroringResumesWhenItReturns(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
    String topic = KafkaFixtures.unique("executions");
    // Short client deadlines, so the outage shows within seconds instead of the two-minute default.
    Map<String, Object> quick = Map.of("delivery.timeout.ms", 3_000, "request.timeout.ms", 1_000,
        "max.block.ms", 1_000, "reconnect.backoff.max.ms", 200, "retry.backoff.max.ms", 200);
    KafkaStreamBridge bridge = done(KafkaStreamBridge.start(vertx, ConfigReader.of(KafkaFixtures.config(
        broker.bootstrapServers(), List.of(topic), KafkaFixtures.unique("dlq"), quick)), "portfolio-orchestrator"));
    List<Execution> local = new CopyOnWriteArrayList<>();
    vertx.eventBus().<Execution>consumer(topic, m -> local.add(m.body()));

    vertx.eventBus().publish(topic, KafkaFixtures.execution("before"));
    done(bridge.flush());
    assertThat(bridge.mirrored()).isEqualTo(1);

    broker.stopBroker();
    for (int i = 1; i <= 5; i++) {
      vertx.eventBus().publish(topic, KafkaFixtures.execution("during-" + i));
    }
    await().atMost(WAIT).until(() -> bridge.errors() == 5);
    assertThat(local).hasSize(6);
    assertThat(bridge.mirrored()).isEqualTo(1);

    broker.restartBroker();
    vertx.eventBus().publish(topic, KafkaFixtures.execution("after"));
    await().atMost(WAIT).until(() -> bridge.mirrored() == 2);
    assertThat(local).hasSize(7);

    List<StreamRecord> read = new CopyOnWriteArrayList<>();
    KafkaStreamReader reader = done(KafkaStreamReader.start(vertx, bridge.settings(), "auditor",
        KafkaStreamReader.Options.fromEarliest(topic), record -> {
          read.add(record);
          return Future.succeededFuture();
        }));
    await().atMost(WAIT).until(() -> read.size() == 2);
    assertThat(read).extracting(StreamRecord::messageId).containsExactly("before", "after");
    done(reader.close());
    done(bridge.close());
  }
}
