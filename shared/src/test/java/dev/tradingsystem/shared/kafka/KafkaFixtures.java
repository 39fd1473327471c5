package dev.tradingsystem.shared.kafka;

import com.google.protobuf.Message;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.Instruments;
import dev.tradingsystem.shared.msg.Metas;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Config, contract messages and raw Kafka clients (no bridge, no reader) for the Kafka tests. */
final class KafkaFixtures {

  static final Duration WAIT = Duration.ofSeconds(30);

  private KafkaFixtures() {
  }

  /** A unique name, so tests sharing one broker never read each other's records. */
  static String unique(String prefix) {
    return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
  }

  /** {@code kafka.*} config for a broker with the given mirrored topics and dead-letter topic. */
  static JsonObject config(String servers, List<String> topics, String deadLetterTopic, Map<String, Object> props) {
    return new JsonObject()
        .put("$env", new JsonObject())
        .put("kafka", new JsonObject()
            .put("bootstrapServers", servers)
            .put("topics", new JsonArray(topics))
            .put("deadLetterTopic", deadLetterTopic)
            .put("properties", new JsonObject(Map.copyOf(props))));
  }

  static KafkaSettings settings(String servers, List<String> topics, String deadLetterTopic) {
    return KafkaSettings.from(ConfigReader.of(config(servers, topics, deadLetterTopic, Map.of())));
  }

  static AgentSignal signal(String id, String symbol) {
    return AgentSignal.newBuilder().setMeta(Metas.origin(id, 1_700_000_000_000_000L)).setAgent("deepseek")
        .setSymbol(symbol).setDirection(Direction.LONG).setStrength(0.7).setConfidence(0.6).build();
  }

  static Consensus consensus(String id, String symbol) {
    return Consensus.newBuilder().setMeta(Metas.origin(id, 1_700_000_000_000_000L)).setSymbol(symbol)
        .setDirection(Direction.SHORT).setScore(-0.4).setQuorum(true).build();
  }

  static Execution execution(String id) {
    return Execution.newBuilder().setMeta(Metas.origin(id, 1_700_000_000_000_000L)).setExecutionId("x-" + id)
        .setOrderId("o-1").setStrategyId("freqtrade-hft.momentum").setInstrument(Instruments.BITSTAMP_BTC_USD)
        .setSide(Side.BUY).setPrice(3_500_000).setQuantity(10_000_000).build();
  }

  static Order order(String id) {
    return Order.newBuilder().setMeta(Metas.origin(id, 1_700_000_000_000_000L)).setOrderId("o-" + id)
        .setInstrument(Instruments.BITSTAMP_BTC_USD).setSide(Side.SELL).setPrice(3_600_000).setQuantity(5_000_000)
        .setStatus(OrderStatus.ACCEPTED).build();
  }

  static RiskAlert alert(String id, String symbol) {
    return RiskAlert.newBuilder().setMeta(Metas.origin(id, 1_700_000_000_000_000L)).setSeverity(AlertSeverity.WARNING)
        .setCode("DRAWDOWN").setMessage("drawdown 4%").setSymbol(symbol).build();
  }

  static Trade trade(String id) {
    return Trade.newBuilder().setMeta(Metas.origin(id, 1_700_000_000_000_000L))
        .setInstrument(Instruments.BITSTAMP_BTC_USD).setPrice(3_512_34).setSize(1_000_000).setTradeId(id).build();
  }

  static KafkaProducer<String, byte[]> rawProducer(String servers) {
    return new KafkaProducer<>(Map.of("bootstrap.servers", servers, "acks", "all"),
        new StringSerializer(), new ByteArraySerializer());
  }

  /** The record a bridge would write for {@code message}, sent as it is by a raw producer. */
  static void produce(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) throws Exception {
    producer.send(record).get();
  }

  static ProducerRecord<String, byte[]> recordOf(String topic, Message message) {
    return StreamRecords.toRecord(topic, message, "test-producer");
  }

  /** Reads partition 0 of {@code topic} from the start until {@code count} records came. */
  static List<ConsumerRecord<String, byte[]>> readRaw(String servers, String topic, int count) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", servers),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      Awaitility.await().atMost(WAIT).until(() -> {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        return records.size() >= count;
      });
    }
    return records;
  }

  /** Waits for a Vert.x future from the test thread (never an event loop). */
  static <T> T done(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not succeed: " + e, e);
    }
  }
}
