package dev.tradingsystem.shared.kafka;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.tradingsystem.proto.Meta;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The record layout every topic shares. Value: the message's protobuf bytes (the same bytes the
 * clustered event bus carries). Key: the message's symbol ({@code symbol}, else
 * {@code instrument.symbol}), so one symbol's records stay in one partition and in order; a
 * message without a symbol is keyed by its {@code Meta.id}. Headers: {@value #MESSAGE_ID} (the
 * dedupe key), {@value #MESSAGE_TYPE} (protobuf full name, how a reader decodes) and
 * {@value #PRODUCER} (the service that published it).
 */
public final class StreamRecords {

  /** Header: {@code Meta.id} of the message, the key readers dedupe on. */
  public static final String MESSAGE_ID = "message-id";
  /** Header: protobuf full name of the value ({@code trading.v1.Consensus}). */
  public static final String MESSAGE_TYPE = "message-type";
  /** Header: name of the service whose process published the message. */
  public static final String PRODUCER = "producer";
  /** Header on dead-letter records: why the reader refused the record. */
  public static final String DEAD_LETTER_REASON = "dead-letter-reason";
  /** Header on dead-letter records: {@code topic/partition/offset} of the refused record. */
  public static final String DEAD_LETTER_SOURCE = "dead-letter-source";

  /** Where the symbol sits in each message type: found once per type, by field name. */
  private static final Map<Descriptor, SymbolPath> SYMBOL_PATHS = new ConcurrentHashMap<>();

  private StreamRecords() {
  }

  /** The record that carries {@code message} on {@code topic}. */
  public static ProducerRecord<String, byte[]> toRecord(String topic, Message message, String producer) {
    String id = messageId(message);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key(message), message.toByteArray());
    record.headers()
        .add(MESSAGE_ID, utf8(id))
        .add(MESSAGE_TYPE, utf8(message.getDescriptorForType().getFullName()))
        .add(PRODUCER, utf8(producer));
    return record;
  }

  /** The partition key: the symbol where the message has one, else its message id. */
  public static String key(Message message) {
    SymbolPath path = SYMBOL_PATHS.computeIfAbsent(message.getDescriptorForType(), SymbolPath::of);
    String symbol = path.read(message);
    return symbol.isEmpty() ? messageId(message) : symbol;
  }

  /** {@code Meta.id}, or an empty string for a message without a {@code meta} header. */
  public static String messageId(Message message) {
    FieldDescriptor meta = message.getDescriptorForType().findFieldByName("meta");
    if (meta == null || meta.getMessageType() != Meta.getDescriptor()) {
      return "";
    }
    return ((Meta) message.getField(meta)).getId();
  }

  /** A header's value as text, or null when the record does not carry it. */
  public static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** A top-level {@code symbol} string, else {@code instrument.symbol}, else none. */
  private record SymbolPath(FieldDescriptor outer, FieldDescriptor inner) {

    static SymbolPath of(Descriptor type) {
      FieldDescriptor symbol = type.findFieldByName("symbol");
      if (symbol != null && symbol.getJavaType() == FieldDescriptor.JavaType.STRING && !symbol.isRepeated()) {
        return new SymbolPath(symbol, null);
      }
      FieldDescriptor instrument = type.findFieldByName("instrument");
      if (instrument != null && instrument.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !instrument.isRepeated()) {
        FieldDescriptor inner = instrument.getMessageType().findFieldByName("symbol");
        if (inner != null && inner.getJavaType() == FieldDescriptor.JavaType.STRING) {
          return new SymbolPath(instrument, inner);
        }
      }
      return new SymbolPath(null, null);
    }

    String read(Message message) {
      if (outer == null) {
        return "";
      }
      Object value = message.getField(outer);
      if (inner == null) {
        return (String) value;
      }
      return (String) ((Message) value).getField(inner);
    }
  }
}
