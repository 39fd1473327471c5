package dev.tradingsystem.app;

import dev.tradingsystem.shared.runtime.ClusterSupport.ClusterOptions;
import dev.tradingsystem.shared.runtime.LaunchOptions;
import dev.tradingsystem.shared.runtime.ServiceLauncher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code service NAME[,NAME...]}: one or a group of services as a clustered process. */
@Command(name = "service", mixinStandardHelpOptions = true,
    description = "Run one service (or a comma-separated group) as its own process, joined to the "
        + "others through the Hazelcast-clustered event bus; gRPC on its own port.")
public final class ServiceCommand implements Callable<Integer> {

  private static volatile boolean running;

  @Parameters(index = "0", paramLabel = "NAME", split = ",",
      description = "Service name(s): ${COMPLETION-CANDIDATES}", completionCandidates = Names.class)
  List<String> names;

  @Option(names = "--config", paramLabel = "FILE", description = "JSON or YAML config file")
  String config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config key (repeatable)")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "HTTP listener: health, metrics, status (0 = any free port; default ${DEFAULT-VALUE})")
  int httpPort;

  @Option(names = "--grpc-port", paramLabel = "N", defaultValue = "0",
      description = "gRPC listener (0 = any free port, published to the cluster)")
  int grpcPort;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Bind and advertise address")
  String host;

  @Option(names = "--cluster-name", defaultValue = ClusterOptions.DEFAULT_CLUSTER_NAME,
      description = "Hazelcast cluster name (default ${DEFAULT-VALUE})")
  String clusterName;

  @Option(names = "--cluster-port", defaultValue = "5701", description = "First Hazelcast port")
  int clusterPort;

  @Option(names = "--members", split = ",", defaultValue = "127.0.0.1", description = "Hazelcast TCP-IP members")
  List<String> members;

  static boolean keepsRunning() {
    return running;
  }

  @Override
  public Integer call() {
    LaunchOptions options = new LaunchOptions(config, List.copyOf(overrides), true, host, httpPort, grpcPort,
        new ClusterOptions(clusterName, host, clusterPort, members));
    try {
      ServiceLauncher.Running process = ServiceLauncher.start(options, ServiceCatalog.select(names))
          .toCompletionStage().toCompletableFuture().join();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> process.close().toCompletionStage().toCompletableFuture().join()));
      System.out.println("running " + names + " (http :" + process.httpPort() + ", cluster " + clusterName + ")");
      running = true;
      return 0;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println("failed to start " + names + ": " + cause.getMessage());
      return 1;
    }
  }

  /** Completion candidates for the NAME parameter. */
  static final class Names extends ArrayList<String> {
    Names() {
      super(Arrays.asList(ServiceCatalog.all().keySet().toArray(new String[0])));
    }
  }
}
