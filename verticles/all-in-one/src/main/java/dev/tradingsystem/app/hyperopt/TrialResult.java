package dev.tradingsystem.app.hyperopt;

import dev.tradingsystem.app.backtest.performance.PerformanceStats;
import java.util.List;
import java.util.Map;

/**
 * One finished epoch: the point tried, the settings and overrides it meant, the strategy's backtest
 * numbers and the loss.
 *
 * @param epoch         1-based, in the order the points were asked for
 * @param point         the sampled values in axis order
 * @param params        the values by axis name (Freqtrade's names for ROI, stoploss and trailing)
 * @param settings      the strategy settings they mean (a config fragment below the strategy's key)
 * @param overrides     the same as {@code --set} overrides
 * @param stats         the strategy's backtest statistics
 * @param avgProfitPct  mean profit ratio of its closed trades, percent (Freqtrade's "Avg profit")
 * @param loss          the objective, lower is better
 * @param seconds       wall time of the trial's replay
 */
public record TrialResult(int epoch, double[] point, Map<String, Object> params, Map<String, Object> settings,
    List<String> overrides, PerformanceStats stats, double avgProfitPct, double loss, double seconds) {
}
