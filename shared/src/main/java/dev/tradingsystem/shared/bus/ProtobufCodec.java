package dev.tradingsystem.shared.bus;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Event-bus codec for a generated protobuf message. Locally the same immutable instance is
 * handed over (zero copy); across the cluster the wire form is length-prefixed protobuf bytes.
 */
public final class ProtobufCodec<T extends Message> implements MessageCodec<T, T> {

  private final String name;
  private final Parser<T> parser;

  public ProtobufCodec(String name, Parser<T> parser) {
    this.name = name;
    this.parser = parser;
  }

  @Override
  public void encodeToWire(Buffer buffer, T message) {
    byte[] bytes = message.toByteArray();
    buffer.appendInt(bytes.length);
    buffer.appendBytes(bytes);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    byte[] bytes = buffer.getBytes(pos + 4, pos + 4 + length);
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("malformed " + name + " on the wire", e);
    }
  }

  /** The generated parser of the message type. */
  public Parser<T> parser() {
    return parser;
  }

  /** Protobuf messages are immutable, so the local copy is the instance itself. */
  @Override
  public T transform(T message) {
    return message;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
