package dev.tradingsystem.app;

import dev.tradingsystem.shared.runtime.ClusterSupport.ClusterOptions;
import dev.tradingsystem.shared.runtime.LaunchOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run}: the co-located main job, paper trading on replayed real market data. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run every service in this JVM on the local event bus, replay market data through the "
        + "agents, coordinator, frameworks, risk gate and paper exchange, then print a report.",
        "Default data: 100,000 real Bitstamp BTC/USD trades (2013-11-25..12-01) bundled with the build."})
public final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ReplayOptions replay;

  @Option(names = "--speed", paramLabel = "max|realtime|N", defaultValue = "max",
      description = "Replay pace: as fast as the pipeline allows, event-time real time, or N times real time (default ${DEFAULT-VALUE})")
  String speed;

  @Option(names = "--report", paramLabel = "FILE.json", description = "Write the machine-readable report here")
  Path report;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "HTTP listener for health, metrics, status (0 = any free port; default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--warehouse", paramLabel = "none|duckdb", defaultValue = "duckdb",
      description = "Append trades, candles, features, signals and fills to DuckDB under --data-dir (default ${DEFAULT-VALUE})")
  String warehouse;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
      description = "Where the run keeps its files: the DuckDB warehouse (default ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--keep-running", description = "Keep serving HTTP after the report until Ctrl-C")
  boolean keepRunning;

  @Option(names = "--quiet", description = "No progress bar")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    validate();
    List<String> settings = new ArrayList<>();
    settings.addAll(replay.replaySettings());
    settings.add("replay.speed=" + speed);
    settings.add("warehouse.backend=" + warehouse);
    settings.add("warehouse.dir=" + dataDir.toAbsolutePath());
    settings.addAll(replay.overrides());
    LaunchOptions options = new LaunchOptions(replay.configFile(), settings, false, "127.0.0.1", port, 0, ClusterOptions.local());
    ProgressBar progress = new ProgressBar(quiet);
    CoLocatedRun.Result result;
    try {
      result = CoLocatedRun.start(options, progress::update).toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println("\nrun failed: " + cause.getMessage());
      return 1;
    }
    progress.finish();
    System.out.print(result.report().toText());
    if (report != null) {
      Path parent = report.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(report, result.report().toJson().encodePrettily() + "\n", StandardCharsets.UTF_8);
      System.out.println("report written to " + report);
    }
    if (keepRunning) {
      System.out.println("serving http://127.0.0.1:" + result.process().httpPort() + "/api/status (Ctrl-C to stop)");
      CompletableFuture<Void> forever = new CompletableFuture<>();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        result.process().close().toCompletionStage().toCompletableFuture().join();
        forever.complete(null);
      }));
      forever.join();
    } else {
      result.process().close().toCompletionStage().toCompletableFuture().join();
    }
    return 0;
  }

  private void validate() {
    replay.validate(spec.commandLine());
    if (!speed.equals("max") && !speed.equals("realtime")) {
      try {
        if (!(Double.parseDouble(speed) > 0)) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(), "--speed must be max, realtime or a positive number, got '" + speed + "'");
      }
    }
    if (!warehouse.equals("none") && !warehouse.equals("duckdb")) {
      throw new ParameterException(spec.commandLine(), "--warehouse must be none or duckdb, got '" + warehouse + "'");
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535");
    }
  }
}
