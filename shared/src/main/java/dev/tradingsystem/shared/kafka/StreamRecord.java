package dev.tradingsystem.shared.kafka;

import com.google.protobuf.Message;

/**
 * One decoded record a {@link KafkaStreamReader} delivers.
 *
 * @param topic the topic, which is also the event-bus address of the stream
 * @param partition partition of the record
 * @param offset offset of the record in its partition
 * @param key the record key (the symbol, or the message id for messages without one)
 * @param messageId the message id readers dedupe on ({@code Meta.id})
 * @param producer the service that published the message, or empty when the header is missing
 * @param message the decoded protobuf message
 */
public record StreamRecord(String topic, int partition, long offset, String key, String messageId, String producer,
    Message message) {
}
