package dev.tradingsystem.shared.runtime;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;

/**
 * Builds the process's Vert.x: plain for co-located runs, Hazelcast-clustered (TCP-IP join, no
 * multicast) when services run separately. Both report Vert.x metrics to the process registry.
 */
public final class ClusterSupport {

  /** Hazelcast members one host can run: ports base .. base + PORT_COUNT - 1. */
  public static final int PORT_COUNT = 20;

  private ClusterSupport() {
  }

  /** Cluster membership settings. */
  public record ClusterOptions(String clusterName, String host, int port, List<String> members) {

    public static final String DEFAULT_CLUSTER_NAME = "trading";
    public static final int DEFAULT_PORT = 5701;

    public static ClusterOptions local() {
      return new ClusterOptions(DEFAULT_CLUSTER_NAME, "127.0.0.1", DEFAULT_PORT, List.of("127.0.0.1"));
    }
  }

  public static Vertx localVertx() {
    return Vertx.builder().with(options()).withMetrics(new MicrometerMetricsFactory(TradingMetrics.registry())).build();
  }

  public static Future<Vertx> clusteredVertx(ClusterOptions cluster) {
    // Members join at once instead of waiting for others; a test cluster forms in about a second.
    System.setProperty("hazelcast.wait.seconds.before.join", "0");
    System.setProperty("hazelcast.phone.home.enabled", "false");
    System.setProperty("hazelcast.logging.type", "slf4j");
    Config hz = ConfigUtil.loadConfig();
    hz.setClusterName(cluster.clusterName());
    hz.setProperty("hazelcast.wait.seconds.before.join", "0");
    hz.setProperty("hazelcast.local.localAddress", cluster.host());
    NetworkConfig network = hz.getNetworkConfig();
    // Members named without a port are probed on the PORT_COUNT ports from the base port, which
    // is where each process on this host binds (the first free one).
    network.setPort(cluster.port()).setPortAutoIncrement(true).setPortCount(PORT_COUNT);
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(cluster.host()));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    VertxOptions options = options();
    options.getEventBusOptions().setHost(cluster.host()).setClusterPublicHost(cluster.host());
    return Vertx.builder().with(options)
        .withClusterManager(new HazelcastClusterManager(hz))
        .withMetrics(new MicrometerMetricsFactory(TradingMetrics.registry()))
        .buildClustered();
  }

  private static VertxOptions options() {
    return new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
  }
}
