package dev.tradingsystem.portfolio.journal;

import dev.tradingsystem.shared.kafka.KafkaSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal as a single-partition Kafka topic ({@link KafkaJournalTopic} for the topic's rules),
 * written by one dedicated thread with group commit: whatever was appended while the previous
 * group was in flight goes out as the next group, ONE transaction ({@code beginTransaction}, one
 * send per record, {@code commitTransaction}, which flushes and waits for {@code acks=all}). An
 * append's stage completes, in append order, only after the broker acknowledged the whole group,
 * so "durable before acknowledged" means "on every in-sync replica before acknowledged".
 *
 * <p><b>Why transactions, not idempotence alone.</b> Idempotence only removes a producer's own
 * retried duplicates; a second process with the same journal (a restart while the old one is
 * still alive, hung in a GC pause or cut off by a partition) would interleave its records with
 * the old one's. The stable {@code transactional.id} ({@code <service>.<topic>}) makes
 * {@link #recover} fence the old producer ({@code initTransactions} bumps the epoch and aborts
 * its open transaction): its next send or commit fails with {@code ProducerFencedException} (or
 * {@code InvalidProducerEpochException} under transaction protocol v2), which
 * poisons that journal like a failed disk write, so the zombie acknowledges nothing more. Recovery
 * reads {@code read_committed}, so a group whose commit never completed (never acknowledged) is
 * not replayed. The cost is one commit round trip to the transaction coordinator per group.
 *
 * <p>A record value is exactly the frame {@link JournalCodec} writes to the file journal, keyed
 * by the service name; a recovery that drops a damaged last record appends a header-only marker
 * naming its offset, because a topic cannot be truncated (see {@link TopicJournalReader}).
 */
public final class KafkaOrderJournal implements OrderJournal {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaOrderJournal.class);
  /** Header of a marker record: the offset (decimal) of the torn record a recovery dropped. */
  static final String DROPPED_HEADER = "journal.dropped";
  private static final int MAX_BATCH = 4096;
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long RECOVER_TIMEOUT_MS = 120_000;

  private record Pending(List<byte[]> frames, long bytes, long enqueuedNanos, CompletableFuture<Void> done) {
  }

  private static final Pending CLOSE = new Pending(List.of(), 0, 0, null);

  private final KafkaSettings settings;
  private final String topic;
  private final String key;
  private final TopicPartition partition;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final GroupCommits counters = new GroupCommits();
  private KafkaProducer<String, byte[]> producer;
  private Thread writer;
  private volatile Exception failure;
  private volatile boolean closed;

  /**
   * @param config a kafka journal config
   * @param service the portfolio's service name: the record key and the base of the transactional id
   */
  public KafkaOrderJournal(JournalConfig config, String service) {
    this.settings = config.kafka().orElseThrow(() -> new IllegalArgumentException("not a kafka journal: " + config));
    this.topic = config.kafkaTopic();
    this.key = service;
    this.partition = new TopicPartition(topic, 0);
  }

  /** The transactional id of this journal's writer: the same for every restart, so a restart fences. */
  String transactionalId() {
    return key + "." + topic;
  }

  @Override
  public synchronized JournalScan recover() throws IOException {
    if (producer != null) {
      throw new IllegalStateException("journal " + topic + " was already recovered");
    }
    KafkaJournalTopic.ensure(settings, settings.clientId(key, "journal-admin"), topic);
    try {
      producer = KafkaJournalTopic.producer(settings, settings.clientId(key, "journal"), transactionalId());
      // Fence first: afterwards no older writer can commit, and its open transaction is aborted,
      // so the end offset read next is final and read_committed does not wait on it.
      producer.initTransactions();
      TopicJournalReader.Result result = TopicJournalReader.scan(readAll(), "kafka:" + topic);
      JournalScan scan = result.scan();
      if (result.unmarkedTailOffset() >= 0) {
        LOG.warn("journal {}: dropped a damaged last record at offset {} ({} bytes after {} whole records: {});"
            + " it was never acknowledged", topic, result.unmarkedTailOffset(), scan.droppedTailBytes(),
            scan.records().size(), scan.tailProblem());
        markDropped(result.unmarkedTailOffset());
      }
      writer = new Thread(this::writeLoop, "portfolio-journal-kafka-writer");
      writer.setDaemon(true);
      writer.start();
      return scan;
    } catch (KafkaException e) {
      closeProducer();
      throw new IOException("journal topic " + topic + " could not be recovered: " + e.getMessage(), e);
    } catch (RuntimeException | IOException e) {
      closeProducer();
      throw e;
    }
  }

  /** Every committed record from the beginning up to the end offset as it was when reading began. */
  private List<TopicJournalReader.Entry> readAll() throws IOException {
    List<TopicJournalReader.Entry> entries = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = KafkaJournalTopic.consumer(settings,
        settings.clientId(key, "journal-recovery"))) {
      consumer.assign(Set.of(partition));
      consumer.seekToBeginning(Set.of(partition));
      long end = consumer.endOffsets(Set.of(partition)).get(partition);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECOVER_TIMEOUT_MS);
      // Position, not the last record's offset: transaction markers take offsets too.
      while (consumer.position(partition) < end) {
        if (System.nanoTime() > deadline) {
          throw new IOException("journal topic " + topic + ": read only to offset " + consumer.position(partition)
              + " of " + end + " within " + RECOVER_TIMEOUT_MS + " ms");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (record.offset() < end) {
            entries.add(entry(record));
          }
        }
      }
    }
    return entries;
  }

  private static TopicJournalReader.Entry entry(ConsumerRecord<String, byte[]> record) {
    Header dropped = record.headers().lastHeader(DROPPED_HEADER);
    if (dropped != null) {
      return TopicJournalReader.Entry.tailMarker(record.offset(),
          Long.parseLong(new String(dropped.value(), StandardCharsets.US_ASCII)));
    }
    return TopicJournalReader.Entry.frame(record.offset(), record.value());
  }

  private void markDropped(long offset) {
    ProducerRecord<String, byte[]> marker = new ProducerRecord<>(topic, 0, key, new byte[0]);
    marker.headers().add(DROPPED_HEADER, Long.toString(offset).getBytes(StandardCharsets.US_ASCII));
    producer.beginTransaction();
    producer.send(marker);
    producer.commitTransaction();
  }

  @Override
  public CompletionStage<Void> append(List<JournalRecord> batch) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (batch.isEmpty()) {
      done.complete(null);
      return done;
    }
    List<byte[]> frames = new ArrayList<>(batch.size());
    long size = 0;
    for (JournalRecord record : batch) {
      byte[] frame = JournalCodec.frame(record);
      frames.add(frame);
      size += frame.length;
    }
    Exception failed = failure;
    if (failed != null || closed || writer == null) {
      done.completeExceptionally(failed != null ? failed
          : new IllegalStateException("journal " + topic + (closed ? " is closed" : " was not recovered")));
      return done;
    }
    queue.add(new Pending(frames, size, System.nanoTime(), done));
    return done;
  }

  @Override
  public JournalStats stats() {
    // A broker acknowledgement is not a local device force: forces stay 0 on this backend.
    return counters.stats();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (writer != null) {
      queue.add(CLOSE);
      try {
        writer.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeProducer();
  }

  private synchronized void closeProducer() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    boolean running = true;
    while (running) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH);
        running = !batch.remove(CLOSE);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      } catch (RuntimeException e) {
        fail(batch, e);
      }
      batch.clear();
    }
    List<Pending> late = new ArrayList<>();
    queue.drainTo(late);
    late.stream().filter(p -> p.done() != null)
        .forEach(p -> p.done().completeExceptionally(new IllegalStateException("journal " + topic + " is closed")));
  }

  private void commit(List<Pending> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (failure != null) {
      throw new IllegalStateException("journal " + topic + " failed before: " + failure.getMessage(), failure);
    }
    int groupRecords = 0;
    long groupBytes = 0;
    producer.beginTransaction();
    for (Pending pending : batch) {
      for (byte[] frame : pending.frames()) {
        producer.send(new ProducerRecord<>(topic, 0, key, frame));
      }
      groupRecords += pending.frames().size();
      groupBytes += pending.bytes();
    }
    // Flushes the group and fails if any send failed: nothing completes before every ack is in.
    producer.commitTransaction();
    counters.committed(groupRecords, groupBytes, batch.stream().mapToLong(Pending::enqueuedNanos).toArray(),
        System.nanoTime());
    for (Pending pending : batch) {
      pending.done().complete(null);
    }
  }

  /** The two ways a broker tells an old epoch's producer that a newer one took its transactional id. */
  private static boolean fenced(Throwable e) {
    return e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException;
  }

  /**
   * A failed group poisons the journal: it, what is queued and what comes later fail. The group
   * is aborted where the producer still can (a fenced producer cannot), so read_committed
   * recovery never sees it; a later commit is refused, as a gap would make the log lie.
   */
  private void fail(List<Pending> batch, RuntimeException e) {
    if (failure == null && fenced(e)) {
      LOG.error("journal topic {}: fenced, a newer instance with transactional.id {} took the journal over; this one"
          + " acknowledges no further order or fill", topic, transactionalId());
      failure = e;
    } else if (failure == null) {
      LOG.error("journal topic {} failed: {}; no further order or fill can be acknowledged", topic, e.toString(), e);
      failure = e;
      try {
        producer.abortTransaction();
      } catch (RuntimeException ignored) {
        // Fenced or broken producers cannot abort; the transaction coordinator aborts it on timeout or fence.
      }
    }
    batch.stream().filter(p -> p.done() != null).forEach(p -> p.done().completeExceptionally(e));
    List<Pending> rest = new ArrayList<>();
    queue.drainTo(rest);
    rest.stream().filter(p -> p.done() != null).forEach(p -> p.done().completeExceptionally(e));
    if (rest.contains(CLOSE)) {
      queue.add(CLOSE);
    }
  }
}
