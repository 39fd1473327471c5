package dev.tradingsystem.shared.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a Kafka record into a {@link StreamRecord}, or names why it cannot: the reasons are the
 * {@code reason} label of {@code trading_kafka_rejected_total} and the dead-letter header.
 */
final class RecordDecoder {

  /** No {@value StreamRecords#MESSAGE_TYPE} header: nothing says how to read the bytes. */
  static final String MISSING_TYPE = "missing-type";
  /** A type no proto file of this build declares. */
  static final String UNKNOWN_TYPE = "unknown-type";
  /** The bytes are not a message of the named type. */
  static final String MALFORMED = "malformed";
  /** Neither a {@value StreamRecords#MESSAGE_ID} header nor a {@code Meta.id}: cannot be deduplicated. */
  static final String MISSING_ID = "missing-id";

  private RecordDecoder() {
  }

  /** The decoded record, or the reason it was refused. */
  record Result(StreamRecord record, String reason) {
  }

  static Result decode(ConsumerRecord<String, byte[]> record) {
    String type = StreamRecords.header(record.headers(), StreamRecords.MESSAGE_TYPE);
    if (type == null || type.isBlank()) {
      return refused(MISSING_TYPE);
    }
    Parser<? extends Message> parser = ProtobufCodecs.parser(type);
    if (parser == null) {
      return refused(UNKNOWN_TYPE);
    }
    Message message;
    try {
      message = parser.parseFrom(record.value() == null ? new byte[0] : record.value());
    } catch (InvalidProtocolBufferException e) {
      return refused(MALFORMED);
    }
    String id = StreamRecords.header(record.headers(), StreamRecords.MESSAGE_ID);
    if (id == null || id.isBlank()) {
      id = StreamRecords.messageId(message);
    }
    if (id.isBlank()) {
      return refused(MISSING_ID);
    }
    String producer = StreamRecords.header(record.headers(), StreamRecords.PRODUCER);
    return new Result(new StreamRecord(record.topic(), record.partition(), record.offset(), record.key(), id,
        producer == null ? "" : producer, message), null);
  }

  private static Result refused(String reason) {
    return new Result(null, reason);
  }
}
