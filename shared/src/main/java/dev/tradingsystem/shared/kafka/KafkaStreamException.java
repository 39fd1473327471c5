package dev.tradingsystem.shared.kafka;

/** A Kafka stream could not be set up (topic creation, client start); the cause says why. */
public final class KafkaStreamException extends RuntimeException {

  public KafkaStreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
