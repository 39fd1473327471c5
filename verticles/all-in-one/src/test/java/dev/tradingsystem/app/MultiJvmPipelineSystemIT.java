package dev.tradingsystem.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.runtime.ClusterSupport;
import dev.tradingsystem.shared.runtime.ClusterSupport.ClusterOptions;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same pipeline split over three service JVMs (the real fat jar, `service` subcommand) joined
 * by a Hazelcast-clustered event bus, with gRPC between coordinator and agents and between
 * frameworks, risk and portfolio. This test's JVM joins the cluster as an observer, then replays
 * the same data co-located and compares the order streams.
 */
class MultiJvmPipelineSystemIT {

  static final long TICKS = 3_000;

  private final List<Process> processes = new ArrayList<>();
  private Vertx observer;

  @AfterEach
  void stopEverything() throws Exception {
    if (observer != null) {
      observer.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void threeJvmsProduceOrdersAndFillsFromOneReplay() throws Exception {
    String cluster = "it-" + UUID.randomUUID();
    int clusterPort = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
    Path logs = Files.createDirectories(Path.of("target", "multi-jvm-logs"));

    start(logs, cluster, clusterPort, "risk-manager,portfolio-orchestrator");
    start(logs, cluster, clusterPort, "mcp-coordinator,freqtrade-hft,hummingbot-mm");

    observer = ClusterSupport.clusteredVertx(new ClusterOptions(cluster, "127.0.0.1", clusterPort, List.of("127.0.0.1")))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    ProtobufCodecs.registerAll(observer);
    Set<String> strategies = ConcurrentHashMap.newKeySet();
    Promise<ReplayProgress> completed = Promise.promise();
    observer.eventBus().<Order>consumer(Addresses.ORDERS, msg -> strategies.add(msg.body().getStrategyId()))
        .completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    observer.eventBus().<ReplayProgress>consumer(Addresses.REPLAY_PROGRESS, msg -> {
      if (msg.body().getCompleted()) {
        completed.tryComplete(msg.body());
      }
    }).completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    // The collector waits for every other service's roll-call answer before it replays.
    start(logs, cluster, clusterPort, "data-collector,deepseek-agent,qwen-agent,fingpt-agent,lagllama-agent",
        "--set", "replay.maxTicks=" + TICKS);

    ReplayProgress done = completed.future().toCompletionStage().toCompletableFuture().get(4, TimeUnit.MINUTES);
    JsonObject portfolio = ServiceStats.fetch(observer, ServiceNames.PORTFOLIO, 10_000)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    JsonObject coordinator = ServiceStats.fetch(observer, ServiceNames.MCP_COORDINATOR, 10_000)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(done.getTicks()).isEqualTo(TICKS);
    assertThat(done.getBarrierTimeouts()).isZero();
    assertThat(coordinator.getLong("decisions")).isEqualTo(TICKS);
    assertThat(portfolio.getLong("orders")).isPositive();
    assertThat(portfolio.getLong("fills")).isPositive();
    assertThat(strategies).isNotEmpty();

    // Parity: the replay barrier and event-time decisions make the clustered run place exactly
    // the orders a co-located run places on the same data.
    JsonObject coLocated = CoLocatedPipelineSystemIT.replay(TICKS);
    assertThat(portfolio.getString("ordersDigest")).isEqualTo(coLocated.getString("ordersDigest"));
    assertThat(portfolio.getLong("fills")).isEqualTo(coLocated.getLong("fills"));
  }

  private void start(Path logs, String cluster, int clusterPort, String services, String... extra) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC",
        "-jar", System.getProperty("trading.fatJar"),
        "service", services,
        "--cluster-name", cluster, "--cluster-port", String.valueOf(clusterPort), "--port", "0"));
    command.addAll(List.of(extra));
    Path log = logs.resolve(services.split(",")[0] + ".log");
    processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
  }
}
