package dev.tradingsystem.shared.kafka;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates missing topics with the configured partitions and replication. Managed clusters often
 * disable automatic creation, and an automatically created topic would get the broker's defaults
 * instead of ours. Blocking: called from the bridge's and the reader's own threads.
 */
final class KafkaTopics {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);

  private KafkaTopics() {
  }

  /** Creates each topic that does not exist yet; one that exists (or appears meanwhile) is left alone. */
  static void ensure(Admin admin, KafkaSettings settings, Collection<String> topics) throws InterruptedException {
    if (topics.isEmpty()) {
      return;
    }
    List<NewTopic> wanted = topics.stream()
        .map(topic -> new NewTopic(topic, settings.partitions(), settings.replicationFactor()))
        .toList();
    for (var entry : admin.createTopics(wanted).values().entrySet()) {
      await(entry.getKey(), entry.getValue());
    }
  }

  private static void await(String topic, KafkaFuture<Void> created) throws InterruptedException {
    try {
      created.get();
      LOG.info("Kafka topic {} created", topic);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new KafkaStreamException("could not create topic " + topic + ": " + e.getCause().getMessage(),
            e.getCause());
      }
    }
  }
}
