package dev.tradingsystem.shared.kafka;

import com.google.protobuf.Message;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors every message this process publishes (or sends) on a configured event-bus address to
 * the Kafka topic of the same name (layout: {@link StreamRecords}). One per process and Vert.x
 * instance; wiring is one call, {@link #start(Vertx, ConfigReader, String)}, which is a no-op
 * while {@code kafka.bootstrapServers} is empty.
 *
 * <p>It sees messages through an outbound event-bus interceptor, so it mirrors exactly what this
 * process produces: in a cluster each message reaches Kafka once, from its publisher, whatever
 * number of processes consume it. Messages a {@link KafkaStreamReader} puts back on the bus carry
 * {@link #FROM_KAFKA} and are not mirrored again.
 *
 * <p>Why the plain {@code kafka-clients} and not vertx-kafka-client: one Kafka release (4.3.1, the
 * broker's) with no wrapper compiled against 3.7 in between, and the reader must commit exactly
 * the offsets its handler finished, which the Vert.x read stream's {@code commit()} (the
 * consumer's whole fetched position) does not give. {@code KafkaProducer.send} can block for
 * {@code max.block.ms} while the broker is unreachable or the buffer is full, so sends run on the
 * bridge's own thread, in publish order, never on an event loop; the interceptor only enqueues.
 *
 * <p>Failures never reach the publisher: a refused or timed-out record is counted in
 * {@code trading_kafka_produce_errors_total{topic,reason}}, a message beyond the backlog in
 * {@code trading_kafka_dropped_total{topic}}, and the service keeps running. The idempotent
 * producer retries until {@code delivery.timeout.ms} (default two minutes), so a short broker
 * outage loses nothing.
 */
public final class KafkaStreamBridge {

  /** Event-bus header on messages that came from Kafka: the bridge does not send them back. */
  public static final String FROM_KAFKA = "x-from-kafka";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamBridge.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final Map<Vertx, KafkaStreamBridge> RUNNING = new ConcurrentHashMap<>();

  private final Vertx vertx;
  private final KafkaSettings settings;
  private final String service;
  private final ThreadPoolExecutor sender;
  private final Set<String> ensuredTopics = ConcurrentHashMap.newKeySet();
  private final AtomicLong mirrored = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final Handler<DeliveryContext<Object>> interceptor = this::intercept;
  private volatile KafkaProducer<String, byte[]> producer;
  private volatile Admin admin;

  private KafkaStreamBridge(Vertx vertx, KafkaSettings settings, String service) {
    this.vertx = vertx;
    this.settings = settings;
    this.service = service;
    this.sender = settings.enabled() ? senderThread(service, settings.backlog()) : null;
  }

  /**
   * Reads {@code kafka.*} and starts mirroring; a bridge that does nothing when Kafka is off.
   * Fails on bad config (naming the key), when topics cannot be created, or when this Vert.x
   * instance already has a running bridge.
   */
  public static Future<KafkaStreamBridge> start(Vertx vertx, ConfigReader cfg, String service) {
    try {
      return start(vertx, KafkaSettings.from(cfg), service);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  public static Future<KafkaStreamBridge> start(Vertx vertx, KafkaSettings settings, String service) {
    KafkaStreamBridge bridge = new KafkaStreamBridge(vertx, settings, service);
    if (!settings.enabled()) {
      LOG.info("Kafka off (kafka.bootstrapServers empty): streams stay on the event bus");
      return Future.succeededFuture(bridge);
    }
    if (RUNNING.putIfAbsent(vertx, bridge) != null) {
      return Future.failedFuture(new IllegalStateException("a Kafka bridge already runs on this Vert.x instance"));
    }
    return bridge.open().onFailure(e -> RUNNING.remove(vertx, bridge));
  }

  /** False when Kafka is off and this bridge does nothing. */
  public boolean enabled() {
    return settings.enabled();
  }

  public KafkaSettings settings() {
    return settings;
  }

  /** Counters of this bridge for the service's stats: {@code {mirrored, errors, dropped, backlog}}. */
  public JsonObject stats() {
    return new JsonObject().put("enabled", enabled()).put("mirrored", mirrored.get()).put("errors", errors.get())
        .put("dropped", dropped.get()).put("backlog", sender == null ? 0 : sender.getQueue().size());
  }

  /** Records the broker acknowledged. */
  public long mirrored() {
    return mirrored.get();
  }

  /** Records that failed (refused, timed out, not sendable). */
  public long errors() {
    return errors.get();
  }

  /** Messages not queued because the backlog was full. */
  public long dropped() {
    return dropped.get();
  }

  /** Completes when everything queued before the call was acknowledged or failed. */
  public Future<Void> flush() {
    if (!enabled()) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      sender.submit(() -> producer.flush()).get();
      return null;
    });
  }

  /** Stops mirroring, sends what is queued (within ten seconds) and closes the clients. */
  public Future<Void> close() {
    if (!enabled() || !RUNNING.remove(vertx, this)) {
      return Future.succeededFuture();
    }
    vertx.eventBus().removeOutboundInterceptor(interceptor);
    return vertx.executeBlocking(() -> {
      sender.shutdown();
      if (!sender.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        sender.shutdownNow();
      }
      producer.close(CLOSE_TIMEOUT);
      admin.close(CLOSE_TIMEOUT);
      LOG.info("Kafka bridge closed: {}", stats().encode());
      return null;
    });
  }

  private Future<KafkaStreamBridge> open() {
    return vertx.executeBlocking(() -> {
      admin = KafkaClients.admin(settings, settings.clientId(service, "admin"));
      producer = KafkaClients.producer(settings, settings.clientId(service, "bridge"));
      var exact = settings.topics().stream().filter(t -> !t.endsWith(".*")).toList();
      KafkaTopics.ensure(admin, settings, exact);
      ensuredTopics.addAll(exact);
      return this;
    }).onSuccess(b -> {
      vertx.eventBus().addOutboundInterceptor(interceptor);
      LOG.info("Kafka bridge of {} mirrors {} to {}", service, settings.topics(), settings.bootstrapServers());
    }).recover(e -> {
      closeQuietly();
      return Future.failedFuture(e);
    });
  }

  /** Runs on the publisher's thread: only a check and an enqueue, the publish goes on regardless. */
  private void intercept(DeliveryContext<Object> delivery) {
    try {
      String address = delivery.message().address();
      if (settings.mirrors(address) && !delivery.message().headers().contains(FROM_KAFKA)) {
        Object body = delivery.body();
        if (body instanceof Message message) {
          enqueue(address, message);
        } else {
          countError(address, "not-protobuf");
        }
      }
    } finally {
      delivery.next();
    }
  }

  private void enqueue(String topic, Message message) {
    try {
      sender.execute(() -> send(topic, message));
    } catch (RejectedExecutionException e) {
      dropped.incrementAndGet();
      TradingMetrics.counter("trading_kafka_dropped", "Messages not mirrored to Kafka because the backlog was full",
          "topic", topic).increment();
    }
  }

  /** On the sender thread: creates a prefix topic on first sight, then hands the record over. */
  private void send(String topic, Message message) {
    try {
      if (!ensuredTopics.contains(topic)) {
        KafkaTopics.ensure(admin, settings, Set.of(topic));
        ensuredTopics.add(topic);
      }
      producer.send(StreamRecords.toRecord(topic, message, service), (meta, error) -> acknowledged(topic, meta, error));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      countError(topic, "interrupted");
    } catch (RuntimeException e) {
      acknowledged(topic, null, e);
    }
  }

  private void acknowledged(String topic, RecordMetadata meta, Exception error) {
    if (error == null) {
      mirrored.incrementAndGet();
      TradingMetrics.counter("trading_kafka_produced", "Records the Kafka broker acknowledged", "topic", topic)
          .increment();
      if (failing.compareAndSet(true, false)) {
        LOG.info("Kafka bridge of {} delivers again ({} errors so far)", service, errors.get());
      }
      return;
    }
    countError(topic, error.getClass().getSimpleName());
    // One line per outage, not one per record: an unreachable broker fails every message.
    if (failing.compareAndSet(false, true)) {
      LOG.warn("Kafka bridge of {} cannot deliver to {}: {}", service, topic, error.toString());
    }
  }

  private void countError(String topic, String reason) {
    errors.incrementAndGet();
    TradingMetrics.counter("trading_kafka_produce_errors", "Messages that could not be mirrored to Kafka",
        "topic", topic, "reason", reason).increment();
  }

  private void closeQuietly() {
    RUNNING.remove(vertx, this);
    sender.shutdownNow();
    if (producer != null) {
      producer.close(Duration.ZERO);
    }
    if (admin != null) {
      admin.close(Duration.ZERO);
    }
  }

  private static ThreadPoolExecutor senderThread(String service, int backlog) {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(backlog), runnable -> {
      Thread thread = new Thread(runnable, "kafka-bridge-" + service);
      thread.setDaemon(true);
      return thread;
    });
  }
}
