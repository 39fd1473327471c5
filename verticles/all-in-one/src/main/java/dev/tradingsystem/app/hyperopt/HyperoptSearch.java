package dev.tradingsystem.app.hyperopt;

import dev.tradingsystem.app.backtest.performance.PerformanceStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The search loop of {@code hyperopt}: asks the sampler for {@code jobs} points at a time, runs
 * their trials side by side, scores each with the loss and tells the sampler, in epoch order, so
 * the search is the same for the same seed, data and {@code jobs}. The trial itself (a whole
 * pipeline replay) is the {@link Objective}'s business.
 */
public final class HyperoptSearch {

  /** Runs one trial with the given {@code --set} overrides; called from several threads at once when jobs > 1. */
  @FunctionalInterface
  public interface Objective {

    /** The strategy's numbers on the replay. */
    Measurement measure(List<String> overrides);
  }

  /** What a trial measured: the strategy's statistics and its mean trade profit ratio in percent. */
  public record Measurement(PerformanceStats stats, double avgProfitPct) {
  }

  /** The search's settings: epochs and parallel trials at least 1, min trades at least 0. */
  public record Settings(int epochs, int jobs, HyperoptLoss loss, long minTrades, long seed) {

    public Settings {
      if (epochs < 1 || jobs < 1 || minTrades < 0) {
        throw new IllegalArgumentException("epochs and jobs must be >= 1 and min trades >= 0");
      }
    }
  }

  private final SearchSpace space;
  private final Settings settings;
  private final Objective objective;

  public HyperoptSearch(SearchSpace space, Settings settings, Objective objective) {
    this.space = space;
    this.settings = settings;
    this.objective = objective;
  }

  /**
   * Runs every epoch; {@code onEpoch} sees each result in epoch order as its batch finishes.
   *
   * @return every trial, in epoch order
   * @throws IllegalStateException with the cause when a trial fails (the search stops there)
   */
  public List<TrialResult> run(Consumer<TrialResult> onEpoch) {
    TpeSampler sampler = new TpeSampler(space.dimensions(), settings.seed(),
        TpeSampler.startupTrials(settings.epochs()));
    List<TrialResult> trials = new ArrayList<>();
    ExecutorService pool = settings.jobs() > 1 ? Executors.newFixedThreadPool(settings.jobs(), r -> {
      Thread t = new Thread(r, "hyperopt-trial");
      t.setDaemon(true);
      return t;
    }) : null;
    try {
      while (trials.size() < settings.epochs()) {
        int batch = Math.min(settings.jobs(), settings.epochs() - trials.size());
        List<double[]> points = sampler.ask(batch);
        List<TrialResult> done = pool == null ? List.of(trial(trials.size() + 1, points.get(0)))
            : parallel(pool, trials.size() + 1, points);
        for (TrialResult result : done) {
          sampler.tell(result.point(), result.loss());
          trials.add(result);
          onEpoch.accept(result);
        }
      }
      return trials;
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private List<TrialResult> parallel(ExecutorService pool, int firstEpoch, List<double[]> points) {
    List<Future<TrialResult>> running = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      int epoch = firstEpoch + i;
      double[] point = points.get(i);
      running.add(pool.submit(() -> trial(epoch, point)));
    }
    List<TrialResult> results = new ArrayList<>();
    for (Future<TrialResult> f : running) {
      try {
        results.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
      }
    }
    return results;
  }

  private TrialResult trial(int epoch, double[] point) {
    List<String> overrides = space.overrides(point);
    long start = System.nanoTime();
    Measurement m = objective.measure(overrides);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new TrialResult(epoch, point, space.namedValues(point), space.settings(point), overrides, m.stats(),
        m.avgProfitPct(), settings.loss().of(m.stats(), settings.minTrades()), seconds);
  }

  /** The trial with the least loss; the earliest of equals. */
  public static TrialResult best(List<TrialResult> trials) {
    TrialResult best = null;
    for (TrialResult t : trials) {
      if (best == null || t.loss() < best.loss()) {
        best = t;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no trials");
    }
    return best;
  }
}
