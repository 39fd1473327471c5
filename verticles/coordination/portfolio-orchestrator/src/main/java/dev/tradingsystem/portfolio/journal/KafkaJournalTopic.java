package dev.tradingsystem.portfolio.journal;

import dev.tradingsystem.shared.kafka.KafkaSettings;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal topic and its clients. The {@code kafka.properties.*} pass-through (security,
 * tuning) goes first; the settings the journal's promise rests on are set over it. The shared
 * bridge's client factory is private to its package, so the few lines are repeated here.
 *
 * <p>The topic has ONE partition, because the journal is a total order. Its cleanup policy is
 * {@code delete} with {@code retention.ms=-1} and {@code retention.bytes=-1}: every record carries
 * the same key (the service name), so compaction would keep only the newest record and recovery
 * would rebuild the portfolio from one tick; time or size retention would silently drop the
 * oldest orders and fills. An existing topic that breaks either rule is refused, not repaired.
 */
final class KafkaJournalTopic {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaJournalTopic.class);
  private static final long ADMIN_TIMEOUT_S = 60;
  static final Map<String, String> TOPIC_CONFIG = Map.of(
      TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
      TopicConfig.RETENTION_MS_CONFIG, "-1",
      TopicConfig.RETENTION_BYTES_CONFIG, "-1");

  private KafkaJournalTopic() {
  }

  /**
   * A transactional, idempotent producer: {@code acks=all} waits for every in-sync replica, the
   * broker drops retried duplicates by sequence number ({@code max.in.flight <= 5} keeps that
   * ordering guarantee), and the stable {@code transactional.id} lets a restarted instance fence
   * the one it replaces.
   */
  static KafkaProducer<String, byte[]> producer(KafkaSettings settings, String clientId, String transactionalId) {
    Map<String, Object> props = common(settings, clientId);
    // A group commit is flushed by its commit; lingering would only delay it.
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "0");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  /** A reader of committed records only: an aborted or open group commit was never acknowledged. */
  static KafkaConsumer<String, byte[]> consumer(KafkaSettings settings, String clientId) {
    Map<String, Object> props = common(settings, clientId);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(props);
  }

  /** Creates the topic if it is missing and checks that an existing one keeps every record in one order. */
  static void ensure(KafkaSettings settings, String clientId, String topic) throws IOException {
    try (Admin admin = Admin.create(common(settings, clientId))) {
      NewTopic wanted = new NewTopic(topic, 1, settings.replicationFactor()).configs(TOPIC_CONFIG);
      try {
        admin.createTopics(List.of(wanted)).all().get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS);
        LOG.info("journal topic {} created (1 partition, replication {}, kept forever)", topic,
            settings.replicationFactor());
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IOException("could not create journal topic " + topic + ": " + e.getCause().getMessage(), e);
        }
      }
      check(admin, topic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while preparing journal topic " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("could not inspect journal topic " + topic + ": " + e.getMessage(), e);
    }
  }

  private static void check(Admin admin, String topic)
      throws InterruptedException, ExecutionException, TimeoutException, IOException {
    TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
        .get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS).get(topic);
    if (description.partitions().size() != 1) {
      throw new IOException("journal topic " + topic + " has " + description.partitions().size()
          + " partitions; the journal is one total order and needs exactly 1 (portfolio.journal.kafkaTopic)");
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(Set.of(resource)).all().get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS).get(resource);
    String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    String retention = config.get(TopicConfig.RETENTION_MS_CONFIG).value();
    String retentionBytes = config.get(TopicConfig.RETENTION_BYTES_CONFIG).value();
    if (policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT) || !"-1".equals(retention) || !"-1".equals(retentionBytes)) {
      throw new IOException("journal topic " + topic + " has cleanup.policy=" + policy + ", retention.ms=" + retention
          + ", retention.bytes=" + retentionBytes + "; compaction or retention would drop journaled orders and fills:"
          + " set cleanup.policy=delete, retention.ms=-1 and retention.bytes=-1 (portfolio.journal.kafkaTopic)");
    }
  }

  private static Map<String, Object> common(KafkaSettings settings, String clientId) {
    Map<String, Object> props = new HashMap<>(settings.properties());
    props.put("bootstrap.servers", settings.bootstrapServers());
    props.put("client.id", clientId);
    return props;
  }
}
