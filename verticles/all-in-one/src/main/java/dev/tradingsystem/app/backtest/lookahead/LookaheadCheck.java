package dev.tradingsystem.app.backtest.lookahead;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Freqtrade's lookahead analysis on an event-driven replay: the same tape is backtested twice, once
 * normally and once with every strategy's inputs one market event late ({@link ConsensusDelay}),
 * and each strategy's two results are compared.
 *
 * <p>Why these two tests:
 * <ul>
 *   <li><b>Early entry.</b> Before its first fill a strategy is flat in both runs, so the only
 *       difference is its inputs: at event N the shifted run sees exactly what the normal run saw at
 *       N-1. A strategy that decides on what it has seen would have taken the same decision one
 *       event earlier in the normal run, at the same price, with at least as much tape ahead of its
 *       order. Its first fill in a pair can therefore come later in the shifted run, never earlier.
 *       An earlier first fill means the normal run's decision did not follow from its past inputs.
 *       Later trades are not compared one by one: once positions differ, the two runs legitimately
 *       part ways (different exits, stops, cooldowns).</li>
 *   <li><b>Vanishing edge.</b> Information about event N+1 hidden in event N's features pays
 *       exactly when the order placed at N meets trade N+1; one event late, it describes the past
 *       and the edge is gone. A causal strategy only pays one event of slippage per decision, small
 *       against ROI targets of tenths of a percent, so it keeps most of its profit. A profitable
 *       strategy that loses more than {@code maxProfitDrop} of its profit when one event late is
 *       flagged — if its profit is an edge at all: at least {@code minTrades} closed trades whose mean
 *       profit lies {@link #EDGE_T_STAT} standard errors above zero. Without that test a market maker
 *       earning a few cents on noise would be flagged whenever one event of staleness (adverse
 *       selection, which is real latency cost, not lookahead) tips it to a small loss.</li>
 * </ul>
 * A losing strategy is not flagged for its profit: lookahead shows as profit it could not have had.
 */
public final class LookaheadCheck {

  /** Closed trades a strategy needs before its profit is compared (fewer is noise, not edge). */
  public static final int DEFAULT_MIN_TRADES = 10;
  /**
   * How many standard errors the normal run's mean trade profit must lie above zero for its profit
   * to count as an edge (about 97.5 % one-sided); a profit indistinguishable from zero cannot vanish.
   */
  public static final double EDGE_T_STAT = 2.0;
  /** Share of the normal run's profit a strategy may lose when one event late. */
  public static final double DEFAULT_MAX_PROFIT_DROP = 0.5;

  private final int minTrades;
  private final double maxProfitDrop;

  /** With the defaults. */
  public LookaheadCheck() {
    this(DEFAULT_MIN_TRADES, DEFAULT_MAX_PROFIT_DROP);
  }

  /**
   * @param minTrades closed trades in the normal run before the profit test applies
   * @param maxProfitDrop tolerated fall of profit, as a share of the normal run's profit, in (0, 1]
   */
  public LookaheadCheck(int minTrades, double maxProfitDrop) {
    if (minTrades < 1) {
      throw new IllegalArgumentException("minTrades must be at least 1, got " + minTrades);
    }
    if (!(maxProfitDrop > 0 && maxProfitDrop <= 1)) {
      throw new IllegalArgumentException("maxProfitDrop must be in (0, 1], got " + maxProfitDrop);
    }
    this.minTrades = minTrades;
    this.maxProfitDrop = maxProfitDrop;
  }

  /**
   * One strategy's result in one run.
   *
   * @param tradeProfits net profit of each closed trade, quote currency
   * @param firstFillUs event time of the first fill per pair
   */
  public record RunOutcome(List<Double> tradeProfits, Map<String, Long> firstFillUs) {
    public RunOutcome {
      tradeProfits = List.copyOf(tradeProfits);
      firstFillUs = Map.copyOf(firstFillUs);
    }

    /** Closed trades. */
    public long trades() {
      return tradeProfits.size();
    }

    /** Net profit of the closed trades. */
    public double profit() {
      return tradeProfits.stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Mean trade profit over its standard error (sample standard deviation / √n); 0 for fewer than
     * two trades or trades that all made the same.
     */
    public double profitTStat() {
      int n = tradeProfits.size();
      if (n < 2) {
        return 0;
      }
      double mean = profit() / n;
      double squares = tradeProfits.stream().mapToDouble(p -> (p - mean) * (p - mean)).sum();
      double standardError = Math.sqrt(squares / (n - 1) / n);
      return standardError > 0 ? mean / standardError : 0;
    }
  }

  /**
   * The verdict on one strategy.
   *
   * @param reason why it is flagged, or {@code "ok"}
   * @param earlyEntries pairs whose first fill came earlier with the inputs one event late
   * @param entryDelaysUs per pair with fills in both runs, shifted minus normal first-fill time
   */
  public record Verdict(boolean flagged, String reason, RunOutcome normal, RunOutcome shifted,
      List<String> earlyEntries, Map<String, Long> entryDelaysUs) {
  }

  /** Compares the two runs of one strategy. */
  public Verdict judge(RunOutcome normal, RunOutcome shifted) {
    List<String> early = new ArrayList<>();
    Map<String, Long> delays = new TreeMap<>();
    for (Map.Entry<String, Long> first : new TreeMap<>(normal.firstFillUs()).entrySet()) {
      Long late = shifted.firstFillUs().get(first.getKey());
      if (late == null) {
        continue;
      }
      delays.put(first.getKey(), late - first.getValue());
      if (late < first.getValue()) {
        early.add(first.getKey());
      }
    }
    List<String> reasons = new ArrayList<>();
    if (!early.isEmpty()) {
      reasons.add("entered " + early + " earlier with its inputs one event late");
    }
    if (normal.trades() >= minTrades && normal.profit() > 0 && normal.profitTStat() >= EDGE_T_STAT
        && normal.profit() - shifted.profit() > maxProfitDrop * normal.profit()) {
      reasons.add(String.format(Locale.ROOT,
          "profit fell from %.2f to %.2f with its inputs one event late (more than %.0f%%)",
          normal.profit(), shifted.profit(), maxProfitDrop * 100));
    }
    return new Verdict(!reasons.isEmpty(), reasons.isEmpty() ? "ok" : String.join("; ", reasons), normal, shifted,
        List.copyOf(early), delays);
  }
}
