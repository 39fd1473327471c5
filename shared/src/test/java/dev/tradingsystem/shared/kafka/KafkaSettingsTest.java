package dev.tradingsystem.shared.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigLoader;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code kafka.*}: defaults, which addresses are mirrored, pass-through properties, and refusals naming the key. */
@ExtendWith(VertxExtension.class)
class KafkaSettingsTest {

  @Test
  void kafkaIsOffByDefaultAndMirrorsTheDurableStreams() {
    KafkaSettings settings = KafkaSettings.from(reader(new JsonObject(), Map.of()));
    assertThat(settings.enabled()).isFalse();
    assertThat(settings.topics()).containsExactly("signals.*", "consensus", "executions", "orders", "risk.alerts");
    assertThat(settings.deadLetterTopic()).isEqualTo("dead.letter");
    assertThat(settings.partitions()).isEqualTo(1);
    assertThat(settings.replicationFactor()).isEqualTo((short) 1);
    assertThat(settings.dedupeWindow()).isEqualTo(KafkaSettings.DEFAULT_DEDUPE_WINDOW);
    assertThat(settings.properties()).isEmpty();
  }

  @ParameterizedTest(name = "{0} mirrored: {1}")
  @CsvSource({
      "signals.deepseek, true",
      "signals.qwen,     true",
      "consensus,        true",
      "executions,       true",
      "orders,           true",
      "risk.alerts,      true",
      "market.trades,    false",
      "portfolio.state,  false",
      "signals,          false",
      "consensus.extra,  false",
      "dead.letter,      false"})
  void defaultTopicsMirrorTheseAddresses(String address, boolean mirrored) {
    assertThat(KafkaSettings.from(reader(new JsonObject(), Map.of())).mirrors(address)).isEqualTo(mirrored);
  }

  @Test
  void propertiesPassThroughFromNestedOrQuotedConfigSetOverridesAndTheEnvironment() {
    JsonObject file = new JsonObject().put("kafka", new JsonObject()
        .put("bootstrapServers", "bootstrap.my-cluster.europe-west1.managedkafka.my-project.cloud.goog:9092")
        .put("properties", new JsonObject()
            .put("security", new JsonObject().put("protocol", "SASL_SSL"))
            .put("sasl.mechanism", "PLAIN")));
    JsonObject merged = ConfigLoader.merge(file,
        List.of("kafka.properties.sasl.login.callback.handler.class="
            + "com.google.cloud.hosted.kafka.auth.GcpLoginCallbackHandler"),
        Map.of("TRADING_KAFKA_PROPERTIES_SASL_MECHANISM", "OAUTHBEARER",
            "TRADING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
            "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;"));
    KafkaSettings settings = KafkaSettings.from(ConfigReader.of(merged));
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.properties()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "security.protocol", "SASL_SSL",
        "sasl.mechanism", "OAUTHBEARER",
        "sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;",
        "sasl.login.callback.handler.class", "com.google.cloud.hosted.kafka.auth.GcpLoginCallbackHandler"));
  }

  @ParameterizedTest(name = "{0} = {1} is refused")
  @CsvSource(delimiter = '|', value = {
      "kafka.bootstrapServers | localhost                     | kafka.bootstrapServers",
      "kafka.bootstrapServers | host:9092,other               | kafka.bootstrapServers",
      "kafka.topics           | consensus,bad topic           | kafka.topics",
      "kafka.topics           | signals.*,consensus,*         | kafka.topics",
      "kafka.deadLetterTopic  | consensus                     | kafka.deadLetterTopic",
      "kafka.deadLetterTopic  | signals.dead                  | kafka.deadLetterTopic",
      "kafka.topicPartitions  | 0                             | kafka.topicPartitions",
      "kafka.replicationFactor| -1                            | kafka.replicationFactor",
      "kafka.dedupeWindow     | 0                             | kafka.dedupeWindow",
      "kafka.properties.enable.idempotence | false            | kafka.properties.enable.idempotence",
      "kafka.properties.acks  | 1                             | kafka.properties.acks",
      "kafka.properties.value.serializer | x.Y                | kafka.properties.value.serializer"})
  void badSettingsAreRefusedNamingTheKey(String key, String value, String namedKey) {
    JsonObject config = ConfigLoader.merge(new JsonObject(), List.of(key + "=" + value), Map.of());
    assertThatThrownBy(() -> KafkaSettings.from(ConfigReader.of(config)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(namedKey);
  }

  @Test
  void withKafkaOffTheBridgeIsANoOpThatMirrorsNothing(Vertx vertx) {
    KafkaStreamBridge bridge = KafkaFixtures.done(KafkaStreamBridge.start(vertx, reader(new JsonObject(), Map.of()),
        "data-collector"));
    assertThat(bridge.enabled()).isFalse();
    vertx.eventBus().publish("consensus", "not even protobuf");
    assertThat(bridge.stats().getLong("errors")).isZero();
    KafkaFixtures.done(bridge.flush());
    KafkaFixtures.done(bridge.close());
  }

  @Test
  void aBadKeyFailsTheBridgeStartInsteadOfThrowing(Vertx vertx) {
    JsonObject config = ConfigLoader.merge(new JsonObject(), List.of("kafka.bootstrapServers=nohost"), Map.of());
    assertThat(KafkaStreamBridge.start(vertx, ConfigReader.of(config), "data-collector")
        .toCompletionStage().toCompletableFuture())
        .failsWithin(java.time.Duration.ofSeconds(5))
        .withThrowableThat().withMessageContaining("kafka.bootstrapServers");
  }

  private static ConfigReader reader(JsonObject tree, Map<String, String> env) {
    return ConfigReader.of(ConfigLoader.merge(tree, List.of(), env));
  }
}
