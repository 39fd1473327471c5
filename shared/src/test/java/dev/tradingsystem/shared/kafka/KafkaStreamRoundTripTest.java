package dev.tradingsystem.shared.kafka;

import static dev.tradingsystem.shared.kafka.KafkaFixtures.WAIT;
import static dev.tradingsystem.shared.kafka.KafkaFixtures.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Message;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.testing.KafkaBroker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Event bus → Kafka → reader on a real in-process KRaft broker, started once for the class. */
@ExtendWith(VertxExtension.class)
class KafkaStreamRoundTripTest {

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
  void everyMirroredMessageTypeReachesItsTopicKeyedBySymbolWithIdTypeAndProducerHeaders(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
    String deadLetters = KafkaFixtures.unique("dlq");
    KafkaStreamBridge bridge = done(KafkaStreamBridge.start(vertx, ConfigReader.of(KafkaFixtures.config(
        broker.bootstrapServers(), KafkaSettings.DEFAULT_TOPICS, deadLetters, Map.of())), "risk-manager"));
    String run = KafkaFixtures.unique("run");
    List<Published> published = List.of(
        new Published(Addresses.signals("deepseek"), KafkaFixtures.signal(run + "-s", "BTC/USD"), "BTC/USD"),
        new Published(Addresses.CONSENSUS, KafkaFixtures.consensus(run + "-c", "ETH/USD"), "ETH/USD"),
        new Published(Addresses.EXECUTIONS, KafkaFixtures.execution(run + "-x"), "BTC/USD"),
        new Published(Addresses.ORDERS, KafkaFixtures.order(run + "-o"), "BTC/USD"),
        new Published(Addresses.RISK_ALERTS, KafkaFixtures.alert(run + "-a1", "BTC/USD"), "BTC/USD"),
        // A portfolio-wide alert has no symbol: its key is the message id.
        new Published(Addresses.RISK_ALERTS, KafkaFixtures.alert(run + "-a2", ""), run + "-a2"),
        // market.trades is not mirrored by default.
        new Published(Addresses.MARKET_TRADES, KafkaFixtures.trade(run + "-t"), null));
    published.forEach(p -> vertx.eventBus().publish(p.address(), p.message()));
    done(bridge.flush());

    List<StreamRecord> received = new CopyOnWriteArrayList<>();
    KafkaSettings settings = bridge.settings();
    List<String> topics = published.stream().map(Published::address).filter(settings::mirrors).distinct().toList();
    KafkaStreamReader reader = done(KafkaStreamReader.start(vertx, settings, "auditor",
        KafkaStreamReader.Options.fromEarliest(topics.toArray(String[]::new)), collectInto(received)));
    await().atMost(WAIT).until(() -> idsOf(received).containsAll(expectedIds(published)));

    for (Published p : published.stream().filter(p -> p.key() != null).toList()) {
      String id = StreamRecords.messageId(p.message());
      StreamRecord record = received.stream().filter(r -> r.messageId().equals(id)).findFirst().orElseThrow();
      assertThat(record.topic()).isEqualTo(p.address());
      assertThat(record.key()).isEqualTo(p.key());
      assertThat(record.producer()).isEqualTo("risk-manager");
      assertThat(record.message()).isEqualTo(p.message());
    }
    assertThat(idsOf(received)).doesNotContain(run + "-t");
    assertThat(bridge.mirrored()).isEqualTo(6);
    assertThat(bridge.errors()).isZero();

    List<ConsumerRecord<String, byte[]>> raw = KafkaFixtures.readRaw(broker.bootstrapServers(), Addresses.CONSENSUS, 1);
    ConsumerRecord<String, byte[]> consensus = raw.stream()
        .filter(r -> (run + "-c").equals(StreamRecords.header(r.headers(), StreamRecords.MESSAGE_ID)))
        .findFirst().orElseThrow();
    assertThat(StreamRecords.header(consensus.headers(), StreamRecords.MESSAGE_TYPE)).isEqualTo("trading.v1.Consensus");
    assertThat(StreamRecords.header(consensus.headers(), StreamRecords.PRODUCER)).isEqualTo("risk-manager");
    assertThat(consensus.key()).isEqualTo("ETH/USD");
    done(reader.close());
    done(bridge.close());
  }

  @Test
  void theSameRecordProducedTwiceIsDeliveredOnce(Vertx vertx) throws Exception {
    String topic = KafkaFixtures.unique("consensus");
    KafkaSettings settings = KafkaFixtures.settings(broker.bootstrapServers(), List.of(topic),
        KafkaFixtures.unique("dlq"));
    List<StreamRecord> received = new CopyOnWriteArrayList<>();
    KafkaStreamReader reader = done(KafkaStreamReader.start(vertx, settings, "freqtrade-hft",
        KafkaStreamReader.Options.fromEarliest(topic), collectInto(received)));
    try (KafkaProducer<String, byte[]> producer = KafkaFixtures.rawProducer(broker.bootstrapServers())) {
      ProducerRecord<String, byte[]> first = KafkaFixtures.recordOf(topic, KafkaFixtures.consensus("c-1", "BTC/USD"));
      KafkaFixtures.produce(producer, first);
      // An application-level retry: the publisher did not see the acknowledgement and sent again.
      KafkaFixtures.produce(producer, KafkaFixtures.recordOf(topic, KafkaFixtures.consensus("c-1", "BTC/USD")));
      KafkaFixtures.produce(producer, KafkaFixtures.recordOf(topic, KafkaFixtures.consensus("c-2", "BTC/USD")));
      KafkaFixtures.produce(producer, KafkaFixtures.recordOf(topic, KafkaFixtures.consensus("c-1", "BTC/USD")));
    }
    await().atMost(WAIT).until(() -> reader.duplicates() == 2 && received.size() == 2);
    assertThat(idsOf(received)).containsExactly("c-1", "c-2");
    assertThat(reader.delivered()).isEqualTo(2);
    done(reader.close());
  }

  @Test
  void undecodableRecordsGoToTheDeadLetterTopicWithAReasonAndReadingGoesOn(Vertx vertx) throws Exception {
    String topic = KafkaFixtures.unique("executions");
    String deadLetters = KafkaFixtures.unique("dlq");
    KafkaSettings settings = KafkaFixtures.settings(broker.bootstrapServers(), List.of(topic), deadLetters);
    List<StreamRecord> received = new CopyOnWriteArrayList<>();
    List<DeadLetter> onTheBus = new CopyOnWriteArrayList<>();
    ProtobufCodecs.registerAll(vertx);
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, m -> onTheBus.add(m.body()));
    KafkaStreamReader reader = done(KafkaStreamReader.start(vertx, settings, "portfolio-orchestrator",
        KafkaStreamReader.Options.fromEarliest(topic), record -> {
          if (record.messageId().equals("x-poison")) {
            return Future.failedFuture("cannot apply");
          }
          received.add(record);
          return Future.succeededFuture();
        }));
    try (KafkaProducer<String, byte[]> producer = KafkaFixtures.rawProducer(broker.bootstrapServers())) {
      KafkaFixtures.produce(producer, KafkaFixtures.recordOf(topic, KafkaFixtures.execution("x-1")));
      ProducerRecord<String, byte[]> malformed = KafkaFixtures.recordOf(topic, KafkaFixtures.execution("x-bad"));
      KafkaFixtures.produce(producer, new ProducerRecord<>(topic, null, "BTC/USD", new byte[] {0x0A, (byte) 0xFF},
          malformed.headers()));
      ProducerRecord<String, byte[]> unknown = KafkaFixtures.recordOf(topic, KafkaFixtures.execution("x-unknown"));
      unknown.headers().remove(StreamRecords.MESSAGE_TYPE).add(StreamRecords.MESSAGE_TYPE,
          StreamRecords.utf8("trading.v9.Nope"));
      KafkaFixtures.produce(producer, unknown);
      KafkaFixtures.produce(producer, new ProducerRecord<>(topic, "BTC/USD", KafkaFixtures.execution("x-untyped")
          .toByteArray()));
      KafkaFixtures.produce(producer, KafkaFixtures.recordOf(topic, KafkaFixtures.execution("x-poison")));
      KafkaFixtures.produce(producer, KafkaFixtures.recordOf(topic, KafkaFixtures.execution("x-2")));
    }
    await().atMost(WAIT).until(() -> received.size() == 2 && reader.deadLettered() == 4);
    assertThat(idsOf(received)).containsExactly("x-1", "x-2");

    List<ConsumerRecord<String, byte[]>> dead = KafkaFixtures.readRaw(broker.bootstrapServers(), deadLetters, 4);
    assertThat(dead).extracting(r -> StreamRecords.header(r.headers(), StreamRecords.DEAD_LETTER_REASON))
        .containsExactly("malformed", "unknown-type", "missing-type", "handler-failed");
    assertThat(dead).extracting(r -> StreamRecords.header(r.headers(), StreamRecords.DEAD_LETTER_SOURCE))
        .containsExactly(topic + "/0/1", topic + "/0/2", topic + "/0/3", topic + "/0/4");
    assertThat(dead.get(0).value()).containsExactly(0x0A, 0xFF);
    assertThat(dead.get(0).key()).isEqualTo("BTC/USD");
    await().atMost(WAIT).until(() -> onTheBus.size() == 4);
    assertThat(onTheBus).extracting(DeadLetter::getReason)
        .containsExactly("malformed", "unknown-type", "missing-type", "handler-failed");
    done(reader.close());
  }

  @Test
  void aReaderStartedAfterTheFactCatchesUpFromTheEarliestRecordInOrder(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
    String topic = KafkaFixtures.unique("signals.qwen");
    String deadLetters = KafkaFixtures.unique("dlq");
    KafkaStreamBridge bridge = done(KafkaStreamBridge.start(vertx, ConfigReader.of(KafkaFixtures.config(
        broker.bootstrapServers(), List.of("signals.*"), deadLetters, Map.of())), "qwen-agent"));
    List<String> sent = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      String id = "q-" + i;
      sent.add(id);
      vertx.eventBus().publish(topic, KafkaFixtures.signal(id, i % 2 == 0 ? "BTC/USD" : "ETH/USD"));
    }
    done(bridge.flush());
    assertThat(bridge.mirrored()).isEqualTo(50);
    done(bridge.close());

    List<StreamRecord> received = new CopyOnWriteArrayList<>();
    KafkaStreamReader reader = done(KafkaStreamReader.start(vertx, bridge.settings(), "mcp-coordinator",
        KafkaStreamReader.Options.fromEarliest(topic), collectInto(received)));
    await().atMost(WAIT).until(() -> received.size() == 50);
    assertThat(idsOf(received)).containsExactlyElementsOf(sent);
    done(reader.close());
  }

  @Test
  void aResumingReaderContinuesAfterItsCommittedOffsetAndSkipsIdsItsJournalHolds(Vertx vertx) throws Exception {
    String topic = KafkaFixtures.unique("orders");
    String group = KafkaFixtures.unique("portfolio");
    KafkaSettings settings = KafkaFixtures.settings(broker.bootstrapServers(), List.of(topic),
        KafkaFixtures.unique("dlq"));
    List<StreamRecord> firstRun = new CopyOnWriteArrayList<>();
    KafkaStreamReader first = done(KafkaStreamReader.start(vertx, settings, "portfolio-orchestrator",
        KafkaStreamReader.Options.resuming(group, topic), collectInto(firstRun)));
    try (KafkaProducer<String, byte[]> producer = KafkaFixtures.rawProducer(broker.bootstrapServers())) {
      for (int i = 1; i <= 3; i++) {
        KafkaFixtures.produce(producer, KafkaFixtures.recordOf(topic, KafkaFixtures.order("o-" + i)));
      }
      await().atMost(WAIT).until(() -> firstRun.size() == 3);
      done(first.close());
      for (int i = 4; i <= 6; i++) {
        KafkaFixtures.produce(producer, KafkaFixtures.recordOf(topic, KafkaFixtures.order("o-" + i)));
      }
    }
    List<StreamRecord> secondRun = new CopyOnWriteArrayList<>();
    // o-4 was applied and journaled, but the process died before its offset was committed.
    KafkaStreamReader second = done(KafkaStreamReader.start(vertx, settings, "portfolio-orchestrator",
        KafkaStreamReader.Options.resuming(group, topic).withAlreadySeen(List.of("o-4")), collectInto(secondRun)));
    await().atMost(WAIT).until(() -> secondRun.size() == 2 && second.duplicates() == 1);
    assertThat(idsOf(secondRun)).containsExactly("o-5", "o-6");
    assertThat(idsOf(firstRun)).containsExactly("o-1", "o-2", "o-3");
    done(second.close());
  }

  @Test
  void messagesAReaderPutsOnTheBusAreNotMirroredBackToKafka(Vertx vertx) throws Exception {
    ProtobufCodecs.registerAll(vertx);
    String topic = KafkaFixtures.unique("consensus");
    String deadLetters = KafkaFixtures.unique("dlq");
    KafkaStreamBridge bridge = done(KafkaStreamBridge.start(vertx, ConfigReader.of(KafkaFixtures.config(
        broker.bootstrapServers(), List.of(topic), deadLetters, Map.of())), "hummingbot-mm"));
    List<Consensus> onTheBus = new CopyOnWriteArrayList<>();
    vertx.eventBus().<Consensus>consumer(topic, m -> onTheBus.add(m.body()));
    KafkaStreamReader reader = done(KafkaStreamReader.start(vertx, bridge.settings(), "hummingbot-mm",
        KafkaStreamReader.Options.fromEarliest(topic), KafkaStreamReader.publishOnEventBus(vertx)));
    try (KafkaProducer<String, byte[]> producer = KafkaFixtures.rawProducer(broker.bootstrapServers())) {
      KafkaFixtures.produce(producer, KafkaFixtures.recordOf(topic, KafkaFixtures.consensus("k-1", "BTC/USD")));
    }
    await().atMost(WAIT).until(() -> onTheBus.size() == 1);
    done(bridge.flush());
    assertThat(onTheBus.get(0).getMeta().getId()).isEqualTo("k-1");
    assertThat(bridge.mirrored()).isZero();
    assertThat(bridge.errors()).isZero();
    done(reader.close());
    done(bridge.close());
  }

  private record Published(String address, Message message, String key) {
  }

  private static List<String> expectedIds(List<Published> published) {
    return published.stream().filter(p -> p.key() != null).map(p -> StreamRecords.messageId(p.message())).toList();
  }

  private static List<String> idsOf(List<StreamRecord> records) {
    return records.stream().map(StreamRecord::messageId).collect(Collectors.toList());
  }

  private static Function<StreamRecord, Future<?>> collectInto(List<StreamRecord> sink) {
    return record -> {
      sink.add(record);
      return Future.succeededFuture();
    };
  }
}
