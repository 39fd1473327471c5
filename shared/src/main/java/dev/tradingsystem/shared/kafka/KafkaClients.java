package dev.tradingsystem.shared.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Client configuration in one place: the pass-through properties first (security, tuning), then
 * the settings the delivery promise rests on, which config cannot change (see
 * {@link KafkaSettings#RESERVED}). Constructors may resolve hosts, so callers create clients off
 * the event loop.
 */
final class KafkaClients {

  private KafkaClients() {
  }

  /**
   * An idempotent producer: {@code acks=all} waits for every in-sync replica, and the broker
   * drops the producer's own retries by sequence number, so a retry after a lost
   * acknowledgement writes nothing twice and nothing acknowledged is lost with one broker.
   */
  static KafkaProducer<String, byte[]> producer(KafkaSettings settings, String clientId) {
    Map<String, Object> props = common(settings, clientId);
    // Small batches: the streams are latency-sensitive and light; a property may raise it.
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  /**
   * A consumer that commits only what its handler finished ({@code enable.auto.commit=false});
   * without a group it can still read by assignment but commits nothing.
   */
  static KafkaConsumer<String, byte[]> consumer(KafkaSettings settings, String clientId, String groupId) {
    Map<String, Object> props = common(settings, clientId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    if (groupId != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(props);
  }

  static Admin admin(KafkaSettings settings, String clientId) {
    return Admin.create(common(settings, clientId));
  }

  /**
   * The pass-through properties plus servers and client id. Kafka warns about and ignores keys a
   * client does not know, so one map serves producer, consumer and admin.
   */
  private static Map<String, Object> common(KafkaSettings settings, String clientId) {
    Map<String, Object> props = new HashMap<>(settings.properties());
    props.put("bootstrap.servers", settings.bootstrapServers());
    props.put("client.id", clientId);
    return props;
  }
}
