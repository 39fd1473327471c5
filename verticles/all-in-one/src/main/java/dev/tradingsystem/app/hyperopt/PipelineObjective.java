package dev.tradingsystem.app.hyperopt;

import dev.tradingsystem.app.ReplayOptions;
import dev.tradingsystem.app.backtest.RecordedReplay;
import dev.tradingsystem.app.backtest.RecordedReplay.Recorded;
import dev.tradingsystem.app.backtest.performance.BacktestRecorder.BacktestResult;
import dev.tradingsystem.app.backtest.performance.BacktestRecorder.StrategyResult;
import dev.tradingsystem.app.backtest.performance.ClosedTrade;
import dev.tradingsystem.app.backtest.performance.EquitySeries;
import dev.tradingsystem.app.backtest.performance.PerformanceStats;
import java.util.ArrayList;
import java.util.List;

/**
 * A trial as a real backtest: the whole co-located pipeline (agents, coordinator, frameworks, risk
 * gate, paper exchange) replayed exactly as {@code backtest} replays it, with the isolation
 * overrides (only the strategy under search trades) and the trial's overrides last. Each call
 * starts and closes its own pipeline, so calls may run in parallel.
 */
final class PipelineObjective implements HyperoptSearch.Objective {

  private final ReplayOptions replay;
  private final List<String> isolation;
  private final String strategyId;

  /**
   * @param replay     the data and config of every trial
   * @param isolation  overrides that switch every other strategy off
   * @param strategyId {@code freqtrade-hft.<name>}, whose numbers are the trial's
   */
  PipelineObjective(ReplayOptions replay, List<String> isolation, String strategyId) {
    this.replay = replay;
    this.isolation = List.copyOf(isolation);
    this.strategyId = strategyId;
  }

  @Override
  public HyperoptSearch.Measurement measure(List<String> overrides) {
    List<String> extra = new ArrayList<>(isolation);
    extra.addAll(overrides);
    Recorded recorded = RecordedReplay.measure(RecordedReplay.options(replay, extra, 0), progress -> {
    });
    for (StrategyResult s : recorded.result().strategies()) {
      if (s.strategyId().equals(strategyId)) {
        double avg = s.trades().stream().mapToDouble(ClosedTrade::profitRatio).average().orElse(0);
        return new HyperoptSearch.Measurement(s.stats(), avg * 100);
      }
    }
    return new HyperoptSearch.Measurement(noTrades(recorded.result()), 0);
  }

  /** A strategy that never held capital nor filled: no trades, a flat curve, every ratio 0. */
  private static PerformanceStats noTrades(BacktestResult result) {
    EquitySeries flat = new EquitySeries();
    flat.add(result.startUs(), 0);
    return PerformanceStats.compute(List.of(), 0, flat, 0, List.of(), 0, result.startUs(), result.endUs());
  }
}
