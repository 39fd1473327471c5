package dev.tradingsystem.portfolio.journal;

import static dev.tradingsystem.portfolio.journal.FileOrderJournalTest.sample;
import static dev.tradingsystem.portfolio.journal.FileOrderJournalTest.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.kafka.KafkaSettings;
import dev.tradingsystem.shared.testing.KafkaBroker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kafka journal against a real single-node broker: what goes in comes out in order after the
 * writer is gone, groups keep append order, a restarted writer fences the old one, and a damaged
 * record follows the file journal's rules. Each test has its own topic.
 */
class KafkaOrderJournalTest {

  private static final String SERVICE = "portfolio-orchestrator";
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static KafkaBroker broker;
  private String topic;

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

  @BeforeEach
  void newTopic() {
    topic = "portfolio.journal.test-" + TOPICS.incrementAndGet();
  }

  static JournalConfig config(String servers, String topic) {
    return JournalConfig.kafka(new KafkaSettings(servers, "", KafkaSettings.DEFAULT_TOPICS,
        KafkaSettings.DEFAULT_DEAD_LETTER_TOPIC, 1, (short) 1, 1000, 1000, Map.of()), topic);
  }

  private KafkaOrderJournal journal() {
    return new KafkaOrderJournal(config(broker.bootstrapServers(), topic), SERVICE);
  }

  private static void await(CompletableFuture<Void> append) throws Exception {
    append.get(30, TimeUnit.SECONDS);
  }

  @Test
  void recordsComeBackInOrderAfterTheWriterIsClosed() throws Exception {
    KafkaOrderJournal journal = journal();
    assertThat(journal.recover().isEmpty()).isTrue();
    await(journal.append(sample().subList(0, 2)).toCompletableFuture());
    await(journal.append(sample().subList(2, 5)).toCompletableFuture());
    journal.close();

    KafkaOrderJournal reopened = journal();
    JournalScan scan = reopened.recover();
    await(reopened.append(List.of(tick(9))).toCompletableFuture());
    reopened.close();

    assertThat(scan.records()).isEqualTo(sample());
    assertThat(scan.droppedTailRecords()).isZero();
    assertThat(recoverAndClose().records()).hasSize(6).endsWith(tick(9));
  }

  @Test
  void theTopicIsOnePartitionKeptForever() throws Exception {
    KafkaOrderJournal journal = journal();
    journal.recover();
    journal.close();

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      assertThat(admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(1);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      var config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
      assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
      assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
    }
  }

  @Test
  void aCompactedTopicIsRefusedBeforeAnythingIsRead() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
    }
    KafkaOrderJournal journal = journal();

    assertThatThrownBy(journal::recover).isInstanceOf(IOException.class)
        .hasMessageContaining("cleanup.policy=compact").hasMessageContaining("portfolio.journal.kafkaTopic");
    journal.close();
  }

  /** Appends made while a group is in flight go out together in the next one, completing in append order. */
  @Test
  void groupCommitKeepsAppendOrder() throws Exception {
    KafkaOrderJournal journal = journal();
    journal.recover();
    List<Integer> completed = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    int appends = 1_000;
    for (int n = 1; n <= appends; n++) {
      int index = n;
      acks.add(journal.append(List.of(tick(index))).toCompletableFuture().thenRun(() -> completed.add(index)));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    JournalStats stats = journal.stats();
    journal.close();

    assertThat(completed).isSorted().hasSize(appends);
    assertThat(stats.records()).isEqualTo(appends);
    assertThat(stats.commits()).isLessThan(appends);
    assertThat(stats.largestCommit()).isGreaterThan(1);
    List<JournalRecord> read = recoverAndClose().records();
    assertThat(read).hasSize(appends);
    for (int n = 1; n <= appends; n++) {
      assertThat(((JournalRecord.TickApplied) read.get(n - 1)).seq()).isEqualTo(n);
    }
  }

  /** A restart while the old process still runs: the old writer can acknowledge nothing more. */
  @Test
  void aRestartedWriterFencesTheOldOne() throws Exception {
    KafkaOrderJournal zombie = journal();
    zombie.recover();
    await(zombie.append(sample().subList(0, 2)).toCompletableFuture());

    KafkaOrderJournal successor = journal();
    JournalScan scan = successor.recover();
    CompletableFuture<Void> late = zombie.append(List.of(tick(50))).toCompletableFuture();
    await(successor.append(List.of(tick(60))).toCompletableFuture());

    assertThat(scan.records()).isEqualTo(sample().subList(0, 2));
    // Fenced at its next commit or, under transaction protocol v2, at its next send with the old epoch.
    assertThatThrownBy(() -> late.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .extracting(Throwable::getCause)
        .isInstanceOfAny(ProducerFencedException.class, InvalidProducerEpochException.class);
    assertThat(zombie.append(List.of(tick(51))).toCompletableFuture()).failsWithin(5, TimeUnit.SECONDS);
    zombie.close();
    successor.close();
    assertThat(recoverAndClose().records()).containsExactly(sample().get(0), sample().get(1), tick(60));
  }

  @Test
  void aDamagedLastRecordIsDroppedOnceAndStaysDropped() throws Exception {
    write(sample());
    byte[] damaged = JournalCodec.frame(tick(5));
    damaged[damaged.length - 3] ^= 0x40;
    produceRaw(damaged);

    KafkaOrderJournal journal = journal();
    JournalScan scan = journal.recover();
    await(journal.append(List.of(tick(7))).toCompletableFuture());
    journal.close();

    assertThat(scan.records()).isEqualTo(sample());
    assertThat(scan.droppedTailRecords()).isEqualTo(1);
    assertThat(scan.tailProblem()).contains("checksum");
    JournalScan after = recoverAndClose();
    assertThat(after.droppedTailRecords()).isZero();
    assertThat(after.records()).hasSize(6).endsWith(tick(7));
  }

  @Test
  void aDamagedRecordInTheMiddleFailsStartNamingIt() throws Exception {
    write(sample().subList(0, 1));
    byte[] damaged = JournalCodec.frame(sample().get(1));
    damaged[JournalCodec.HEADER + 5] ^= 0x01;
    produceRaw(damaged);
    produceRaw(JournalCodec.frame(sample().get(2)));

    KafkaOrderJournal journal = journal();
    assertThatThrownBy(journal::recover)
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining("corrupt at record 2")
        .hasMessageContaining("checksum");
    journal.close();
  }

  @Test
  void appendingAfterCloseFails() throws Exception {
    KafkaOrderJournal journal = journal();
    journal.recover();
    journal.close();

    assertThat(journal.append(List.of(tick(1))).toCompletableFuture()).failsWithin(5, TimeUnit.SECONDS);
  }

  private void write(List<JournalRecord> records) throws Exception {
    KafkaOrderJournal journal = journal();
    journal.recover();
    await(journal.append(records).toCompletableFuture());
    journal.close();
  }

  private JournalScan recoverAndClose() throws IOException {
    KafkaOrderJournal journal = journal();
    try {
      return journal.recover();
    } finally {
      journal.close();
    }
  }

  /** Bytes no journal would write, from a plain producer: what a foreign or broken writer leaves. */
  private void produceRaw(byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
        broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, 0, SERVICE, value)).get(30, TimeUnit.SECONDS);
    }
  }
}
