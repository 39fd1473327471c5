package dev.tradingsystem.shared.runtime;

import dev.tradingsystem.shared.runtime.ClusterSupport.ClusterOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options every service process understands. Parsed by hand so a service's fat jar
 * carries no CLI library; the all-in-one CLI maps its own options onto this record.
 *
 * @param clustered  join a Hazelcast cluster (separate services) or run on a local event bus
 * @param httpPort   the process's one HTTP listener; 0 picks a free port
 * @param grpcPort   gRPC listener for separately deployed services; 0 picks a free port
 */
public record LaunchOptions(
    String configFile,
    List<String> overrides,
    boolean clustered,
    String host,
    int httpPort,
    int grpcPort,
    ClusterOptions cluster) {

  public static final int DEFAULT_HTTP_PORT = 8080;

  public static final String USAGE = String.join("\n",
      "Options:",
      "  --config FILE          JSON or YAML config file",
      "  --set key=value        override one config key (repeatable; beats environment and file)",
      "  --http-port N          health, metrics and status listener (default 8080, 0 = any free port)",
      "  --grpc-port N          gRPC listener (default 0 = any free port, published to the cluster)",
      "  --host HOST            address to bind and advertise (default 127.0.0.1)",
      "  --cluster-name NAME    Hazelcast cluster name (default trading)",
      "  --cluster-port N       first Hazelcast port to try (default 5701)",
      "  --members a,b          Hazelcast TCP-IP members (default 127.0.0.1)",
      "  --local                do not join a cluster (everything in this JVM)",
      "  --help                 this text");

  public static LaunchOptions parse(String[] args) {
    String config = null;
    List<String> overrides = new ArrayList<>();
    boolean clustered = true;
    String host = "127.0.0.1";
    int httpPort = DEFAULT_HTTP_PORT;
    int grpcPort = 0;
    String clusterName = ClusterOptions.DEFAULT_CLUSTER_NAME;
    int clusterPort = ClusterOptions.DEFAULT_PORT;
    List<String> members = List.of("127.0.0.1");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--config" -> config = value(args, ++i, arg);
        case "--set" -> overrides.add(value(args, ++i, arg));
        case "--http-port" -> httpPort = port(value(args, ++i, arg), arg);
        case "--grpc-port" -> grpcPort = port(value(args, ++i, arg), arg);
        case "--host" -> host = value(args, ++i, arg);
        case "--cluster-name" -> clusterName = value(args, ++i, arg);
        case "--cluster-port" -> clusterPort = port(value(args, ++i, arg), arg);
        case "--members" -> members = List.of(value(args, ++i, arg).split(","));
        case "--local" -> clustered = false;
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
      }
    }
    return new LaunchOptions(config, List.copyOf(overrides), clustered, host, httpPort, grpcPort,
        new ClusterOptions(clusterName, host, clusterPort, members));
  }

  public static boolean wantsHelp(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return true;
      }
    }
    return false;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int port(String value, String option) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a port number, got '" + value + "'");
    }
  }
}
