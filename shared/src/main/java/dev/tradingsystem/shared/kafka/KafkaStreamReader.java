package dev.tradingsystem.shared.kafka;

import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics from a chosen position and hands each decoded, first-seen message to a handler on
 * the Vert.x context that started it, one record after the other. At least once from Kafka,
 * exactly once to the handler within the dedupe window: offsets are committed only after the
 * handler finished a batch, and ids already seen ({@link DedupeWindow},
 * {@code kafka.dedupeWindow} ids, in memory) are dropped and counted in
 * {@code trading_kafka_duplicates_total{topic}}. A restarted service passes the ids its journal
 * already holds ({@link Options#alreadySeen}) so the uncommitted tail it reads again is not applied twice.
 *
 * <p>Records that cannot be decoded, and records whose handler failed, go to the dead-letter topic
 * with their original key, value and headers plus {@value StreamRecords#DEAD_LETTER_REASON} and
 * {@value StreamRecords#DEAD_LETTER_SOURCE}; they are counted in
 * {@code trading_kafka_rejected_total{source=<topic>,reason}} and reading goes on.
 *
 * <p>Partitions are assigned, not balanced by a group: every partition of the topics is read by
 * this reader (a service runs one reader per stream; no rebalance pauses). The group id only names
 * where offsets are committed. The poll loop runs on the reader's own thread; the event loop only
 * runs the handler.
 */
public final class KafkaStreamReader {

  /** Where a reader begins. */
  public enum StartFrom {
    /** The first retained record of each partition: a full catch-up or replay. */
    EARLIEST,
    /** The group's committed offset, or the earliest record where it has none: a restart. */
    COMMITTED
  }

  /**
   * What to read.
   *
   * @param topics the topics (event-bus addresses) to read
   * @param groupId where offsets are committed; null commits nothing (a pure replay)
   * @param startFrom where to begin; {@link StartFrom#COMMITTED} needs a group id
   * @param alreadySeen message ids to treat as delivered before the first record
   */
  public record Options(List<String> topics, String groupId, StartFrom startFrom, Collection<String> alreadySeen) {

    public Options {
      topics = List.copyOf(topics);
      alreadySeen = List.copyOf(alreadySeen);
      if (topics.isEmpty()) {
        throw new IllegalArgumentException("a reader needs at least one topic");
      }
      if (startFrom == StartFrom.COMMITTED && groupId == null) {
        throw new IllegalArgumentException("reading from committed offsets needs a group id");
      }
    }

    /** Everything retained, nothing committed. */
    public static Options fromEarliest(String... topics) {
      return new Options(List.of(topics), null, StartFrom.EARLIEST, List.of());
    }

    /** From the group's committed offsets, committing as it goes: a service that resumes. */
    public static Options resuming(String groupId, String... topics) {
      return new Options(List.of(topics), groupId, StartFrom.COMMITTED, List.of());
    }

    public Options withAlreadySeen(Collection<String> ids) {
      return new Options(topics, groupId, startFrom, ids);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamReader.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Context context;
  private final KafkaSettings settings;
  private final String service;
  private final Options options;
  private final Function<StreamRecord, Future<?>> handler;
  private final DedupeWindow window;
  private final Promise<KafkaStreamReader> ready = Promise.promise();
  private final Promise<Void> stopped = Promise.promise();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong handlerErrors = new AtomicLong();
  private final DeadLetterSink deadLetters;
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, byte[]> consumer;

  private KafkaStreamReader(Vertx vertx, KafkaSettings settings, String service, Options options,
      Function<StreamRecord, Future<?>> handler) {
    this.context = vertx.getOrCreateContext();
    this.settings = settings;
    this.service = service;
    this.options = options;
    this.handler = handler;
    this.window = new DedupeWindow(settings.dedupeWindow());
    this.window.remember(options.alreadySeen());
    this.deadLetters = new DeadLetterSink(vertx, settings.deadLetterTopic(), service);
  }

  /**
   * Starts reading; the future completes once the reader is positioned (topics created where
   * missing, partitions assigned, offsets sought). Fails when Kafka is off or unreachable.
   */
  public static Future<KafkaStreamReader> start(Vertx vertx, KafkaSettings settings, String service, Options options,
      Function<StreamRecord, Future<?>> handler) {
    if (!settings.enabled()) {
      return Future.failedFuture(new IllegalStateException("Kafka is off: kafka.bootstrapServers is empty"));
    }
    ProtobufCodecs.registerAll(vertx);
    KafkaStreamReader reader = new KafkaStreamReader(vertx, settings, service, options, handler);
    Thread poller = new Thread(reader::run, "kafka-reader-" + service + "-" + String.join(",", options.topics()));
    poller.setDaemon(true);
    poller.start();
    return reader.ready.future();
  }

  /**
   * A handler that publishes each message on the local event bus at the address named like its
   * topic, marked {@link KafkaStreamBridge#FROM_KAFKA} so a bridge does not mirror it back.
   */
  public static Function<StreamRecord, Future<?>> publishOnEventBus(Vertx vertx) {
    DeliveryOptions fromKafka = new DeliveryOptions().addHeader(KafkaStreamBridge.FROM_KAFKA, "true");
    return record -> {
      vertx.eventBus().publish(record.topic(), record.message(), fromKafka);
      return Future.succeededFuture();
    };
  }

  /** Stops polling, closes the clients; offsets of batches the handler finished stay committed. */
  public Future<Void> close() {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    return stopped.future();
  }

  /** Counters of this reader: {@code {delivered, duplicates, deadLettered, handlerErrors}}. */
  public JsonObject stats() {
    return new JsonObject().put("delivered", delivered.get()).put("duplicates", duplicates.get())
        .put("deadLettered", deadLettered.get()).put("handlerErrors", handlerErrors.get());
  }

  public long delivered() {
    return delivered.get();
  }

  public long duplicates() {
    return duplicates.get();
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  private void run() {
    KafkaProducer<String, byte[]> dlq = null;
    try {
      consumer = KafkaClients.consumer(settings, settings.clientId(service, "reader"), options.groupId());
      dlq = KafkaClients.producer(settings, settings.clientId(service, "dead-letter"));
      position();
      context.runOnContext(v -> ready.complete(this));
    } catch (Exception e) {
      closeClients(dlq);
      context.runOnContext(v -> {
        ready.fail(new KafkaStreamException("Kafka reader of " + options.topics() + " did not start: " + e, e));
        stopped.complete();
      });
      return;
    }
    try {
      while (running) {
        pollOnce(dlq);
      }
    } catch (WakeupException e) {
      // close() woke the poll: a normal stop.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Kafka reader of {} stopped: {}", options.topics(), e.toString(), e);
    } finally {
      closeClients(dlq);
      LOG.info("Kafka reader of {} closed: {}", options.topics(), stats().encode());
      context.runOnContext(v -> stopped.complete());
    }
  }

  /** Creates missing topics, assigns every partition and seeks to the start position. */
  private void position() throws InterruptedException {
    Set<String> topics = new HashSet<>(options.topics());
    topics.add(settings.deadLetterTopic());
    try (Admin admin = KafkaClients.admin(settings, settings.clientId(service, "reader-admin"))) {
      KafkaTopics.ensure(admin, settings, topics);
    }
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : options.topics()) {
      for (PartitionInfo info : consumer.partitionsFor(topic)) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    if (options.startFrom() == StartFrom.COMMITTED) {
      consumer.committed(new HashSet<>(partitions)).forEach((partition, committed) -> {
        if (committed != null) {
          consumer.seek(partition, committed);
        }
      });
    }
  }

  private void pollOnce(KafkaProducer<String, byte[]> dlq) throws InterruptedException {
    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
    if (records.isEmpty()) {
      return;
    }
    List<StreamRecord> fresh = new ArrayList<>();
    Map<StreamRecord, ConsumerRecord<String, byte[]>> sources = new IdentityHashMap<>();
    Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      positions.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
      RecordDecoder.Result decoded = RecordDecoder.decode(record);
      if (decoded.reason() != null) {
        reject(dlq, record, decoded.reason());
      } else if (!window.firstSighting(decoded.record().messageId())) {
        duplicates.incrementAndGet();
        TradingMetrics.counter("trading_kafka_duplicates", "Redelivered records dropped by message id",
            "topic", record.topic()).increment();
      } else {
        fresh.add(decoded.record());
        sources.put(decoded.record(), record);
      }
    }
    List<StreamRecord> failures = HandlerRun.deliver(context, handler, fresh, () -> running);
    for (StreamRecord failed : failures) {
      handlerErrors.incrementAndGet();
      reject(dlq, sources.get(failed), "handler-failed");
    }
    delivered.addAndGet(fresh.size() - failures.size());
    if (running && options.groupId() != null) {
      commit(positions);
    }
  }

  /**
   * A failed commit (broker gone past {@code default.api.timeout.ms}) does not stop the reader: the
   * next batch's commit covers these offsets, and if the process dies first the records come again
   * and the dedupe window or the journal's ids drop them.
   */
  private void commit(Map<TopicPartition, OffsetAndMetadata> positions) {
    try {
      consumer.commitSync(positions);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      TradingMetrics.counter("trading_kafka_commit_errors", "Offset commits that failed; the next batch retries",
          "group", options.groupId()).increment();
      LOG.warn("Kafka reader of {} could not commit {}: {}", options.topics(), positions, e.toString());
    }
  }

  private void reject(KafkaProducer<String, byte[]> dlq, ConsumerRecord<String, byte[]> record, String reason)
      throws InterruptedException {
    deadLettered.incrementAndGet();
    TradingMetrics.rejected("kafka", record.topic(), reason).increment();
    deadLetters.send(dlq, record, reason);
  }

  private void closeClients(KafkaProducer<String, byte[]> dlq) {
    if (consumer != null) {
      consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    }
    if (dlq != null) {
      dlq.close(CLOSE_TIMEOUT);
    }
  }
}
