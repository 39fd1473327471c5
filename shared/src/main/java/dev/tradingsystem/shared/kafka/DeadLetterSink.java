package dev.tradingsystem.shared.kafka;

import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.msg.Metas;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a refused record on the dead-letter topic (same key, value and headers, plus the reason
 * and where it came from) and tells the local event bus with a {@code DeadLetter} on
 * {@link Addresses#DEAD_LETTER}, as every boundary in this system does. Waits for the broker's
 * acknowledgement, so the reader commits past a refused record only once it is kept.
 */
final class DeadLetterSink {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSink.class);
  private static final long ACK_TIMEOUT_MS = 30_000;
  /** Enough of the payload to recognise it in a dashboard; the whole record is on the topic. */
  private static final int PAYLOAD_PREVIEW_BYTES = 256;

  private final Vertx vertx;
  private final String topic;
  private final String service;

  DeadLetterSink(Vertx vertx, String topic, String service) {
    this.vertx = vertx;
    this.topic = topic;
    this.service = service;
  }

  void send(KafkaProducer<String, byte[]> producer, ConsumerRecord<String, byte[]> record, String reason)
      throws InterruptedException {
    String source = record.topic() + "/" + record.partition() + "/" + record.offset();
    LOG.warn("Kafka record {} refused ({}), sent to {}", source, reason, topic);
    ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, record.key(), record.value());
    for (Header header : record.headers()) {
      dead.headers().add(header);
    }
    dead.headers().add(StreamRecords.DEAD_LETTER_REASON, StreamRecords.utf8(reason))
        .add(StreamRecords.DEAD_LETTER_SOURCE, StreamRecords.utf8(source));
    try {
      producer.send(dead).get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // The record is lost to the topic but still counted and on the bus below; reading goes on.
      TradingMetrics.counter("trading_kafka_dead_letter_errors", "Refused records the dead-letter topic did not take",
          "topic", record.topic()).increment();
      LOG.error("dead-letter topic {} did not take {}: {}", topic, source, e.toString());
    }
    byte[] value = record.value() == null ? new byte[0] : record.value();
    vertx.eventBus().publish(Addresses.DEAD_LETTER, DeadLetter.newBuilder()
        .setMeta(Metas.origin("kafka-" + source, record.timestamp() * 1_000))
        .setSource(service + ":kafka:" + record.topic())
        .setReason(reason)
        .setPayload(Base64.getEncoder().encodeToString(
            Arrays.copyOf(value, Math.min(value.length, PAYLOAD_PREVIEW_BYTES))))
        .build());
  }
}
