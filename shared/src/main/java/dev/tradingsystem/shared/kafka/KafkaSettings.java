package dev.tradingsystem.shared.kafka;

import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Kafka settings ({@code kafka.*}), read and validated once.
 *
 * @param bootstrapServers {@code host:port[,host:port]}; empty (the default) turns Kafka off and
 *     every stream stays on the event bus only
 * @param clientId prefix of the Kafka client ids, so broker logs and quotas name the process;
 *     blank means the service name
 * @param topics event-bus addresses mirrored to topics of the same name; an entry ending in
 *     {@code .*} mirrors every address under that prefix ({@code signals.*}). More topics mean a
 *     fuller durable record at the price of broker traffic
 * @param deadLetterTopic where readers put records they cannot decode, with the reason
 * @param partitions partitions of a topic this code creates: more spread the symbols over more
 *     consumers, but order is kept per symbol only
 * @param replicationFactor copies of each partition of a created topic: 1 locally, 3 on a
 *     managed cluster (a broker can fail without losing acknowledged records)
 * @param dedupeWindow message ids a reader remembers to drop redeliveries; larger windows catch
 *     older duplicates at about 150 bytes of heap per id
 * @param backlog messages the bridge queues while the broker is slow or gone; beyond it new
 *     messages are dropped and counted rather than growing the heap without bound
 * @param properties Kafka client properties passed through verbatim ({@code kafka.properties.*}):
 *     security ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) and tuning
 */
public record KafkaSettings(String bootstrapServers, String clientId, List<String> topics,
    String deadLetterTopic, int partitions, short replicationFactor, int dedupeWindow, int backlog,
    Map<String, String> properties) {

  public static final List<String> DEFAULT_TOPICS = List.of(Addresses.SIGNALS_PREFIX + "*", Addresses.CONSENSUS,
      Addresses.EXECUTIONS, Addresses.ORDERS, Addresses.RISK_ALERTS);
  public static final String DEFAULT_DEAD_LETTER_TOPIC = Addresses.DEAD_LETTER;
  public static final int DEFAULT_PARTITIONS = 1;
  public static final short DEFAULT_REPLICATION_FACTOR = 1;
  public static final int DEFAULT_DEDUPE_WINDOW = 100_000;
  public static final int DEFAULT_BACKLOG = 10_000;

  /**
   * Properties this code sets itself: idempotence, acknowledgements and serialisation are what
   * the no-loss, no-duplicate promise rests on, so config may not change them.
   */
  static final Set<String> RESERVED = Set.of("bootstrap.servers", "enable.idempotence", "acks",
      "key.serializer", "value.serializer", "key.deserializer", "value.deserializer",
      "enable.auto.commit", "group.id", "client.id");

  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern SERVER = Pattern.compile("[^\\s,:]+:\\d{1,5}");

  /** Reads and validates every key. @throws ConfigException naming the first bad key */
  public static KafkaSettings from(ConfigReader cfg) {
    String servers = cfg.string("kafka.bootstrapServers", "").trim();
    if (!servers.isEmpty()) {
      for (String server : servers.split(",")) {
        if (!SERVER.matcher(server.trim()).matches()) {
          throw new ConfigException("kafka.bootstrapServers", "'" + server.trim() + "' is not host:port");
        }
      }
    }
    List<String> topics = cfg.strings("kafka.topics", DEFAULT_TOPICS);
    for (String topic : topics) {
      String name = topic.endsWith(".*") ? topic.substring(0, topic.length() - 1) : topic;
      if (!TOPIC.matcher(name).matches()) {
        throw new ConfigException("kafka.topics", "'" + topic + "' is not a topic name (letters, digits, . _ -)"
            + " or a prefix ending in .*");
      }
    }
    String deadLetter = cfg.string("kafka.deadLetterTopic", DEFAULT_DEAD_LETTER_TOPIC).trim();
    if (!TOPIC.matcher(deadLetter).matches()) {
      throw new ConfigException("kafka.deadLetterTopic", "'" + deadLetter + "' is not a topic name");
    }
    if (mirrors(topics, deadLetter)) {
      throw new ConfigException("kafka.deadLetterTopic", "'" + deadLetter + "' is also in kafka.topics;"
          + " the dead-letter topic must hold rejected records only");
    }
    return new KafkaSettings(servers, cfg.string("kafka.clientId", "").trim(), topics, deadLetter,
        cfg.integer("kafka.topicPartitions", DEFAULT_PARTITIONS, 1, 10_000),
        (short) cfg.integer("kafka.replicationFactor", DEFAULT_REPLICATION_FACTOR, 1, Short.MAX_VALUE),
        cfg.integer("kafka.dedupeWindow", DEFAULT_DEDUPE_WINDOW, 1, 100_000_000),
        cfg.integer("kafka.backlog", DEFAULT_BACKLOG, 1, 10_000_000),
        properties(cfg));
  }

  /** True when Kafka is configured; false means every Kafka component is a no-op. */
  public boolean enabled() {
    return !bootstrapServers.isEmpty();
  }

  /** True when messages on this event-bus address go to Kafka. */
  public boolean mirrors(String address) {
    return mirrors(topics, address);
  }

  /** The client id of one client of this process: {@code <clientId or service>-<role>}. */
  public String clientId(String service, String role) {
    return (clientId.isEmpty() ? service : clientId) + "-" + role;
  }

  private static boolean mirrors(List<String> topics, String address) {
    for (String topic : topics) {
      if (topic.endsWith(".*") ? address.startsWith(topic.substring(0, topic.length() - 1)) : topic.equals(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code kafka.properties.*} flattened back to Kafka's dotted names: a config file may nest
   * ({@code sasl: {mechanism: OAUTHBEARER}}) or quote ({@code "sasl.mechanism": ...}), and
   * {@code --set} nests; environment variables ({@code TRADING_KAFKA_PROPERTIES_SASL_MECHANISM}) win.
   */
  private static Map<String, String> properties(ConfigReader cfg) {
    Map<String, String> flat = new TreeMap<>();
    flatten("", cfg.object("kafka.properties"), flat);
    flat.putAll(cfg.environmentUnder("kafka.properties"));
    for (String name : flat.keySet()) {
      if (RESERVED.contains(name)) {
        throw new ConfigException("kafka.properties." + name, "is set by the Kafka bridge itself and cannot be"
            + " overridden");
      }
    }
    return Map.copyOf(flat);
  }

  private static void flatten(String prefix, JsonObject node, Map<String, String> out) {
    for (Map.Entry<String, Object> e : node) {
      String name = prefix + e.getKey();
      if (e.getValue() instanceof JsonObject child) {
        flatten(name + ".", child, out);
      } else if (e.getValue() != null) {
        out.put(name, e.getValue().toString());
      }
    }
  }
}
