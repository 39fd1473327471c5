package dev.tradingsystem.app.backtest;

import dev.tradingsystem.app.CoLocatedRun;
import dev.tradingsystem.app.ReplayOptions;
import dev.tradingsystem.app.RunReport;
import dev.tradingsystem.app.backtest.performance.BacktestRecorder;
import dev.tradingsystem.app.backtest.performance.BacktestRecorder.BacktestResult;
import dev.tradingsystem.app.backtest.performance.BacktestRecorder.StrategyResult;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.runtime.ClusterSupport.ClusterOptions;
import dev.tradingsystem.shared.runtime.LaunchOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One measured replay, shared by {@code backtest} and {@code hyperopt}: the co-located pipeline
 * started with a {@link BacktestRecorder} listening to its fills and portfolio snapshots, replayed
 * to the end, measured, and closed. Each call has its own Vert.x instance and HTTP port, so several
 * may run in one JVM at once.
 */
public final class RecordedReplay {

  /** What one replay produced: the run report, the statistics, each strategy's first fill per pair. */
  public record Recorded(RunReport report, BacktestResult result, Map<String, Map<String, Long>> firstFills) {
  }

  private RecordedReplay() {
  }

  /**
   * The launch options of a backtest over {@code replay}: as fast as it goes, no warehouse, then
   * the user's {@code --set} overrides, then {@code extra} (which therefore beats them).
   */
  public static LaunchOptions options(ReplayOptions replay, List<String> extra, int port) {
    List<String> settings = new ArrayList<>(replay.replaySettings());
    settings.add("replay.speed=max");
    // A backtest measures; it does not fill the warehouse (pass --set warehouse.backend=duckdb to).
    settings.add("warehouse.backend=none");
    settings.addAll(replay.overrides());
    settings.addAll(extra);
    return new LaunchOptions(replay.configFile(), settings, false, "127.0.0.1", port, 0, ClusterOptions.local());
  }

  /** As {@link #measure(LaunchOptions, Consumer, Function)} with nothing to do before the replay. */
  public static Recorded measure(LaunchOptions options, Consumer<ReplayProgress> progress) {
    return measure(options, progress, vertx -> Future.succeededFuture());
  }

  /**
   * Starts the pipeline, replays with the recorder listening and closes the pipeline again;
   * blocks the calling thread (never call it on an event loop).
   *
   * @param beforeReplay called once every service is up, before the first market event (e.g. to
   *     shift the strategies' inputs); the replay starts when its future completes
   * @throws RuntimeException wrapping why the pipeline failed to start or replay
   */
  public static Recorded measure(LaunchOptions options, Consumer<ReplayProgress> progress,
      Function<Vertx, Future<?>> beforeReplay) {
    BacktestRecorder recorder = new BacktestRecorder();
    AtomicReference<Context> listening = new AtomicReference<>();
    CoLocatedRun.Result run = CoLocatedRun.start(options, progress,
            vertx -> beforeReplay.apply(vertx).compose(ready -> listen(vertx, recorder, listening)))
        .toCompletionStage().toCompletableFuture().join();
    try {
      return snapshot(listening.get(), recorder).map(result -> new Recorded(run.report(), result, firstFills(result, recorder)))
          .toCompletionStage().toCompletableFuture().join();
    } finally {
      run.process().close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private static Map<String, Map<String, Long>> firstFills(BacktestResult result, BacktestRecorder recorder) {
    Map<String, Map<String, Long>> fills = new TreeMap<>();
    for (StrategyResult s : result.strategies()) {
      fills.put(s.strategyId(), recorder.firstFills(s.strategyId()));
    }
    return fills;
  }

  /**
   * Subscribes the recorder on one context, so fills, snapshots and mids reach it in order, on one
   * thread. Fills and mids come from different services, so their interleaving may vary; the
   * recorder matches them by market-event sequence, not by arrival.
   */
  private static Future<Void> listen(Vertx vertx, BacktestRecorder recorder, AtomicReference<Context> listening) {
    Context context = vertx.getOrCreateContext();
    listening.set(context);
    Promise<Void> ready = Promise.promise();
    context.runOnContext(v -> {
      var executions = vertx.eventBus().<Execution>consumer(Addresses.EXECUTIONS,
          msg -> recorder.onExecution(msg.body()));
      var states = vertx.eventBus().<PortfolioState>consumer(Addresses.PORTFOLIO_STATE,
          msg -> recorder.onPortfolioState(msg.body()));
      var features = vertx.eventBus().<FeatureVector>consumer(Addresses.FEATURES,
          msg -> recorder.onFeatures(msg.body()));
      var quotes = vertx.eventBus().<Quote>consumer(Addresses.MARKET_QUOTES, msg -> recorder.onQuote(msg.body()));
      Future.all(executions.completion(), states.completion(), features.completion(), quotes.completion())
          .<Void>mapEmpty().onComplete(ready);
    });
    return ready.future();
  }

  /** The statistics, read on the recorder's context after every message published during the replay. */
  private static Future<BacktestResult> snapshot(Context context, BacktestRecorder recorder) {
    Promise<BacktestResult> result = Promise.promise();
    context.runOnContext(v -> {
      try {
        result.complete(recorder.result());
      } catch (RuntimeException e) {
        result.fail(e);
      }
    });
    return result.future();
  }
}
