package dev.tradingsystem.app;

import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.runtime.LaunchOptions;
import dev.tradingsystem.shared.runtime.ServiceLauncher;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The main job: every service in one JVM on the local event bus, the replay started once the
 * report side is listening, and a report gathered from the services' stats when it completes.
 */
public final class CoLocatedRun {

  private static final long STATS_TIMEOUT_MS = 10_000;

  /** A finished replay: the report, and the still-running process (close it when done). */
  public record Result(RunReport report, ServiceLauncher.Running process) {
  }

  private CoLocatedRun() {
  }

  /**
   * Starts everything, replays, and completes with the report. {@code progress} sees every
   * progress event on the caller's thread-of-events (the event loop).
   */
  public static Future<Result> start(LaunchOptions options, Consumer<ReplayProgress> progress) {
    return start(options, progress, vertx -> Future.succeededFuture());
  }

  /**
   * As {@link #start(LaunchOptions, Consumer)}, with {@code beforeReplay} called once every service
   * is up and before the first market event, so that a listener (the backtest's recorder) sees the
   * whole run; the replay starts when its future completes.
   */
  public static Future<Result> start(LaunchOptions options, Consumer<ReplayProgress> progress,
      Function<Vertx, Future<?>> beforeReplay) {
    List<String> overrides = new ArrayList<>(options.overrides());
    // The run starts the replay itself, after it listens for progress (see below).
    overrides.add("replay.autoStart=false");
    LaunchOptions local = new LaunchOptions(options.configFile(), overrides, false, options.host(),
        options.httpPort(), 0, options.cluster());
    return ServiceLauncher.start(local, ServiceCatalog.all())
        .compose(process -> beforeReplay.apply(process.vertx())
            .recover(e -> process.close().transform(ignored -> Future.failedFuture(e)))
            .compose(ready -> replay(process, progress)));
  }

  private static Future<Result> replay(ServiceLauncher.Running process, Consumer<ReplayProgress> progress) {
    Vertx vertx = process.vertx();
    Promise<Void> completed = Promise.promise();
    long startNanos = System.nanoTime();
    var consumer = vertx.eventBus().<ReplayProgress>consumer(Addresses.REPLAY_PROGRESS, msg -> {
      progress.accept(msg.body());
      if (msg.body().getCompleted()) {
        completed.tryComplete();
      }
    });
    return consumer.completion()
        .compose(v -> {
          vertx.eventBus().send(Addresses.REPLAY_START, "start");
          return completed.future();
        })
        .compose(v -> collectStats(vertx))
        .map(stats -> {
          consumer.unregister();
          double seconds = (System.nanoTime() - startNanos) / 1e9;
          return new Result(RunReport.from(stats, seconds), process);
        })
        .recover(e -> process.close().transform(ignored -> Future.failedFuture(e)));
  }

  static Future<Map<String, JsonObject>> collectStats(Vertx vertx) {
    Map<String, JsonObject> stats = new HashMap<>();
    List<Future<?>> fetches = new ArrayList<>();
    for (String service : ServiceCatalog.all().keySet()) {
      fetches.add(ServiceStats.fetch(vertx, service, STATS_TIMEOUT_MS)
          .onSuccess(json -> stats.put(service, json)));
    }
    return Future.join(fetches).transform(ignored -> Future.succeededFuture(stats));
  }
}
