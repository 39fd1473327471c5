package dev.tradingsystem.shared.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real single-node Apache Kafka broker in KRaft mode (one combined broker and controller,
 * {@code KafkaClusterTestKit}), started in the test JVM on free ports and deleted by
 * {@link #close()}. Nothing has to be installed, so it always runs where its class path is
 * complete; a module that uses this fixture declares
 * {@code org.apache.kafka:kafka-test-common-runtime} with test scope (shared's test scope does not
 * travel with the test-jar). Without it the test is skipped with the reason, or fails where
 * {@code TRADING_REQUIRE_SERVICES=true} (CI), like {@link RedisServer}.
 *
 * <p>Start one per test class: it is ready in about two seconds.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final String TEST_KIT = "org.apache.kafka.common.test.KafkaClusterTestKit";

  private final KafkaClusterTestKit cluster;

  private KafkaBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /** Starts a broker and waits until it serves clients; skips (locally) or fails (CI) without the test kit. */
  public static KafkaBroker start() {
    requireTestKit();
    KafkaClusterTestKit cluster = null;
    try {
      cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
          .setCombined(true)
          .setNumBrokerNodes(1)
          .setNumControllerNodes(1)
          .build())
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("offsets.topic.num.partitions", "1")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          // Topics come from our own Admin calls, as on a managed cluster where auto-creation is off.
          .setConfigProp("auto.create.topics.enable", "false")
          .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new KafkaBroker(cluster);
    } catch (Exception e) {
      closeQuietly(cluster);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the in-process Kafka broker did not start: " + e, e);
    }
  }

  /** {@code host:port} of the broker's client listener. */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /**
   * Shuts the broker side of the node down (the controller keeps running), so clients see the
   * broker gone; {@link #restartBroker()} brings it back on the same port with its log intact.
   */
  public void stopBroker() {
    cluster.brokers().values().forEach(broker -> broker.shutdown());
    cluster.brokers().values().forEach(broker -> broker.awaitShutdown());
  }

  /** Starts the broker stopped by {@link #stopBroker()} again and waits until it serves clients. */
  public void restartBroker() {
    try {
      cluster.brokers().values().forEach(broker -> broker.startup());
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the in-process Kafka broker did not restart: " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the in-process Kafka broker did not stop cleanly: " + e, e);
    }
  }

  private static void requireTestKit() {
    try {
      Class.forName(TEST_KIT, false, KafkaBroker.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      String reason = "org.apache.kafka:kafka-test-common-runtime is not on the test class path";
      if (Boolean.parseBoolean(System.getenv("TRADING_REQUIRE_SERVICES"))) {
        Assertions.fail(reason + " and TRADING_REQUIRE_SERVICES=true");
      }
      Assumptions.abort(reason);
    }
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
    } catch (Exception ignored) {
      // Already failing to start: the start failure is the error worth reporting.
    }
  }
}
