package dev.tradingsystem.app.hyperopt;

import dev.tradingsystem.app.backtest.performance.PerformanceStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a search minimises, named as in Freqtrade ({@code --hyperopt-loss}) and computed from the
 * strategy's {@link PerformanceStats} of the trial, the same numbers {@code backtest} reports.
 * Lower is better.
 */
public enum HyperoptLoss {

  /** {@code SharpeHyperOptLoss}: -Sharpe ratio. */
  SHARPE("sharpe", "SharpeHyperOptLoss"),
  /** {@code SortinoHyperOptLoss}: -Sortino ratio. */
  SORTINO("sortino", "SortinoHyperOptLoss"),
  /** {@code CalmarHyperOptLoss}: -Calmar ratio (CAGR / max drawdown). */
  CALMAR("calmar", "CalmarHyperOptLoss"),
  /**
   * {@code MaxDrawDownHyperOptLoss}: -profit / max drawdown in money, or -profit when there was no
   * drawdown. Freqtrade measures the drawdown on the closed trades' cumulative profit; here it is the
   * strategy's mark-to-market drawdown (a fraction) times its starting capital.
   */
  MAX_DRAWDOWN("max-drawdown", "MaxDrawDownHyperOptLoss"),
  /** {@code OnlyProfitHyperOptLoss}: -total profit of the closed trades, net of fees. */
  PROFIT("profit", "OnlyProfitHyperOptLoss");

  /**
   * Freqtrade's {@code MAX_LOSS}: the loss of a trial with fewer trades than {@code --min-trades},
   * and the bound every loss is clamped to (a non-finite ratio, e.g. the Calmar ratio of an
   * annualised return that overflows on a short replay, must not win or lose by infinity).
   */
  public static final double MAX_LOSS = 100_000;

  private final String id;
  private final String freqtradeName;

  HyperoptLoss(String id, String freqtradeName) {
    this.id = id;
    this.freqtradeName = freqtradeName;
  }

  /** The short name ({@code sharpe}). */
  public String id() {
    return id;
  }

  /** Freqtrade's class name ({@code SharpeHyperOptLoss}). */
  public String freqtradeName() {
    return freqtradeName;
  }

  /** By short name or Freqtrade class name, case-insensitive. */
  public static Optional<HyperoptLoss> parse(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (HyperoptLoss loss : values()) {
      if (loss.id.equals(wanted) || loss.freqtradeName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(loss);
      }
    }
    return Optional.empty();
  }

  /** Every accepted name, for error messages. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (HyperoptLoss loss : values()) {
      names.add(loss.id);
      names.add(loss.freqtradeName);
    }
    return names;
  }

  /**
   * The trial's loss: {@link #MAX_LOSS} with fewer than {@code minTrades} closed trades (Freqtrade's
   * {@code hyperopt_min_trades}), otherwise this objective clamped to ±{@link #MAX_LOSS}.
   */
  public double of(PerformanceStats stats, long minTrades) {
    if (stats.trades() < minTrades) {
      return MAX_LOSS;
    }
    double raw = switch (this) {
      case SHARPE -> -stats.sharpe();
      case SORTINO -> -stats.sortino();
      case CALMAR -> -stats.calmar();
      case MAX_DRAWDOWN -> {
        double drawdown = stats.maxDrawdown() * stats.startingCapital();
        yield drawdown > 0 ? -stats.profitTotal() / drawdown : -stats.profitTotal();
      }
      case PROFIT -> -stats.profitTotal();
    };
    if (Double.isNaN(raw)) {
      return MAX_LOSS;
    }
    return Math.max(-MAX_LOSS, Math.min(MAX_LOSS, raw));
  }
}
