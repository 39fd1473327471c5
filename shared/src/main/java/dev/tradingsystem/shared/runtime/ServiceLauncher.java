package dev.tradingsystem.shared.runtime;

import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.config.ConfigLoader;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.kafka.KafkaStreamBridge;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one process: Vert.x (clustered or local), codecs, the HTTP listener, the gRPC listener
 * when clustered, then the named services with their config. Every service's {@code main} and
 * the all-in-one CLI go through here, so a service behaves the same however it is deployed.
 */
public final class ServiceLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

  /** A started process; {@code streams} mirrors its durable streams to Kafka (a no-op when Kafka is off). */
  public record Running(Vertx vertx, JsonObject config, List<String> deploymentIds, int httpPort,
      KafkaStreamBridge streams) {

    /** Sends what the Kafka bridge still holds, then closes Vert.x (and with it every service). */
    public Future<Void> close() {
      // A promise bound to no context: a future composed on one of this Vert.x's event loops
      // would never report completion, because closing stops those loops.
      Promise<Void> closed = Promise.promise();
      streams.close().onComplete(ignored -> vertx.close().onComplete(closed));
      return closed.future();
    }
  }

  private ServiceLauncher() {
  }

  /** The {@code main} of a separately deployed service. */
  public static void main(String[] args, String service, Supplier<? extends Deployable> verticle) {
    if (LaunchOptions.wantsHelp(args)) {
      System.out.println("Usage: " + service + " [options]\n" + LaunchOptions.USAGE);
      return;
    }
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Map<String, Supplier<? extends Deployable>> services = new LinkedHashMap<>();
    services.put(service, verticle);
    start(options, services)
        .onSuccess(running -> Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(running))))
        .onFailure(e -> {
          LOG.error("{} failed to start: {}", service, e.getMessage(), e);
          System.exit(1);
        });
  }

  /** Readiness check that is DOWN until every service of the process has been deployed. */
  public static final String DEPLOYMENTS_CHECK = "deployments";

  /** Starts the process and deploys the services in order; fails fast on bad config. */
  public static Future<Running> start(LaunchOptions options, Map<String, Supplier<? extends Deployable>> services) {
    Future<Vertx> vertxFuture = options.clustered()
        ? ClusterSupport.clusteredVertx(options.cluster())
        : Future.succeededFuture(ClusterSupport.localVertx());
    return vertxFuture.compose(vertx -> boot(vertx, options, services)
        .recover(e -> {
          LOG.error("start failed, shutting down: {}", e.getMessage());
          return vertx.close().transform(ignored -> Future.<Running>failedFuture(e));
        }));
  }

  private static Future<Running> boot(Vertx vertx, LaunchOptions options, Map<String, Supplier<? extends Deployable>> services) {
    ProtobufCodecs.registerAll(vertx);
    if (options.clustered()) {
      ServiceRegistry.of(vertx).serveGrpc(options.host(), options.grpcPort());
    }
    ProcessEndpoints endpoints = ProcessEndpoints.of(vertx);
    // Services register their own readiness as they start, one after another: without this check a
    // probe between two deployments would see only the started ones, all UP, and route traffic early.
    AtomicBoolean allDeployed = new AtomicBoolean();
    endpoints.readiness(DEPLOYMENTS_CHECK, allDeployed::get);
    return ConfigLoader.load(vertx, options.configFile(), options.overrides(), System.getenv())
        .compose(config -> endpoints.listen(options.host(), options.httpPort())
            // Mirroring starts before the first service, so a stream on Kafka has every message.
            .compose(http -> KafkaStreamBridge.start(vertx, ConfigReader.of(config), String.join(",", services.keySet())))
            .compose(streams -> deployAll(vertx, config, services)
                .recover(e -> streams.close().transform(ignored -> Future.<List<String>>failedFuture(e)))
                .map(ids -> {
                  allDeployed.set(true);
                  LOG.info("started {} on http://{}:{} ({}{})", services.keySet(), options.host(), endpoints.port(),
                      options.clustered() ? "clustered" : "co-located",
                      streams.enabled() ? ", streams on Kafka " + streams.settings().bootstrapServers() : "");
                  return new Running(vertx, config, ids, endpoints.port(), streams);
                })));
  }

  private static Future<List<String>> deployAll(Vertx vertx, JsonObject config, Map<String, Supplier<? extends Deployable>> services) {
    List<String> ids = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, Supplier<? extends Deployable>> service : services.entrySet()) {
      chain = chain.compose(v -> vertx.deployVerticle(service.getValue().get(), new DeploymentOptions().setConfig(config))
          .<Void>map(id -> {
            ids.add(id);
            return null;
          })
          .recover(e -> Future.failedFuture(new IllegalStateException(service.getKey() + ": " + e.getMessage(), e))));
    }
    return chain.map(v -> ids);
  }

  private static void closeQuietly(Running running) {
    try {
      running.close().await();
    } catch (Exception e) {
      LOG.warn("shutdown: {}", e.getMessage());
    }
  }
}
