package dev.tradingsystem.shared.bus;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.tradingsystem.proto.Common;
import dev.tradingsystem.proto.Control;
import dev.tradingsystem.proto.MarketData;
import dev.tradingsystem.proto.Orders;
import dev.tradingsystem.proto.Portfolio;
import dev.tradingsystem.proto.Risk;
import dev.tradingsystem.proto.Signals;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers a default {@link ProtobufCodec} for every message in {@code protos/}, so any contract
 * message can be sent on the event bus as it is. Codec names are the protobuf full names, which
 * is what makes two JVMs in a cluster agree.
 */
public final class ProtobufCodecs {

  private static final List<FileDescriptor> FILES = List.of(
      Common.getDescriptor(), MarketData.getDescriptor(), Signals.getDescriptor(),
      Orders.getDescriptor(), Portfolio.getDescriptor(), Risk.getDescriptor(),
      Control.getDescriptor());

  private static final Map<Vertx, Boolean> REGISTERED = new ConcurrentHashMap<>();

  private ProtobufCodecs() {
  }

  /** Idempotent per Vert.x instance. */
  public static void registerAll(Vertx vertx) {
    REGISTERED.computeIfAbsent(vertx, v -> {
      for (Codec<?> codec : codecs()) {
        codec.register(v);
      }
      return Boolean.TRUE;
    });
  }

  /**
   * The parser of a contract message by its protobuf full name ({@code trading.v1.Trade}), or
   * null for a name no proto file declares: how a transport that carries the type name beside the
   * bytes (Kafka headers) decodes.
   */
  public static Parser<? extends Message> parser(String fullName) {
    return Parsers.BY_NAME.get(fullName);
  }

  /** Forgets a closed Vert.x instance. */
  public static void unregister(Vertx vertx) {
    REGISTERED.remove(vertx);
  }

  static List<Codec<?>> codecs() {
    List<Codec<?>> codecs = new ArrayList<>();
    for (FileDescriptor file : FILES) {
      String javaPackage = file.getOptions().getJavaPackage();
      for (Descriptor type : file.getMessageTypes()) {
        codecs.add(codecFor(javaPackage + "." + type.getName(), type.getFullName()));
      }
    }
    return codecs;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> Codec<T> codecFor(String className, String fullName) {
    try {
      Class<T> type = (Class<T>) Class.forName(className);
      T defaultInstance = (T) type.getMethod("getDefaultInstance").invoke(null);
      Parser<T> parser = (Parser<T>) defaultInstance.getParserForType();
      return new Codec<>(type, new ProtobufCodec<>(fullName, parser));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no generated class for " + fullName, e);
    }
  }

  /** Built on first use: the reflection over every generated class runs once per JVM. */
  private static final class Parsers {
    static final Map<String, Parser<? extends Message>> BY_NAME = byName();

    private static Map<String, Parser<? extends Message>> byName() {
      Map<String, Parser<? extends Message>> parsers = new HashMap<>();
      for (Codec<?> codec : codecs()) {
        parsers.put(codec.codec().name(), codec.codec().parser());
      }
      return Map.copyOf(parsers);
    }
  }

  record Codec<T extends Message>(Class<T> type, ProtobufCodec<T> codec) {
    void register(Vertx vertx) {
      vertx.eventBus().registerDefaultCodec(type, codec);
    }
  }
}
