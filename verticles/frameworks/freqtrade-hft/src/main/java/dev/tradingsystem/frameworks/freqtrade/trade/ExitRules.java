package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.freqtrade.strategy.ExitSignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.TrailingStop;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Freqtrade's {@code should_exit} for one open trade at one price: the exits the trade has earned,
 * in the order Freqtrade tries them (exit signal or custom exit, stoploss, ROI, trailing stoploss;
 * then our time exit). The caller takes the first one the strategy confirms.
 *
 * <p>The stoploss is a price ({@link StopLoss}): set |stoploss| below the open rate, then, in
 * Freqtrade's order, moved by {@code custom_stoploss} and by the trailing stop while the price is
 * above it. The trailing stop follows the current price at the stoploss distance, or at
 * {@code trailing_stop_positive} once the profit is above {@code trailing_stop_positive_offset};
 * with {@code trailing_only_offset_is_reached} it does not move before the profit reached the
 * offset. ROI compares the profit net of fees with the row of the minutes open (strictly above).
 */
public final class ExitRules {

  /** The strategy's say in an exit check; {@link #NONE} when the strategy is paused. */
  public interface Hooks {

    Hooks NONE = new Hooks() {
    };

    /** {@code custom_stoploss} at this rate and profit. */
    default Optional<BigDecimal> customStoploss(BigDecimal rate, BigDecimal profit) {
      return Optional.empty();
    }

    /** {@code custom_exit} at this rate and profit. */
    default Optional<String> customExit(BigDecimal rate, BigDecimal profit) {
      return Optional.empty();
    }
  }

  private final ExitSettings settings;

  public ExitRules(ExitSettings settings) {
    this.settings = settings;
  }

  public ExitSettings settings() {
    return settings;
  }

  /**
   * The exits earned at {@code rate}, best first; empty to hold.
   *
   * @param enter  the entry signal in the trade's direction holds on this row
   * @param signal the strategy's exit signal ({@link ExitSignal#HOLD} when paused)
   */
  public List<ExitCheck> check(TradeRecord trade, BigDecimal rate, long nowMicros, boolean enter, ExitSignal signal,
      Hooks hooks) {
    BigDecimal profit = profit(trade, rate);
    trade.mark(rate);
    ExitReason stop = stoplossReached(trade, rate, profit, hooks);
    long minutesOpen = Math.max(0, nowMicros - trade.openedAtMicros()) / 60_000_000L;
    boolean roi = !(enter && settings.ignoreRoiIfEntrySignal()) && settings.minimalRoi().reached(profit, minutesOpen);
    List<ExitCheck> exits = new ArrayList<>();
    if (settings.useExitSignal()) {
      ExitCheck strategyExit = null;
      if (signal.exit() && !enter) {
        boolean profitOk = !settings.exitProfitOnly() || profit.compareTo(settings.exitProfitOffset()) > 0;
        strategyExit = profitOk ? new ExitCheck(ExitReason.EXIT_SIGNAL, signal.tag()) : null;
      } else {
        strategyExit = hooks.customExit(rate, profit).map(tag -> new ExitCheck(ExitReason.CUSTOM_EXIT, tag)).orElse(null);
      }
      if (strategyExit != null) {
        exits.add(strategyExit);
      }
    }
    if (stop == ExitReason.STOP_LOSS) {
      exits.add(ExitCheck.of(ExitReason.STOP_LOSS));
    }
    if (roi) {
      exits.add(ExitCheck.of(ExitReason.ROI));
    }
    if (stop == ExitReason.TRAILING_STOP_LOSS) {
      exits.add(ExitCheck.of(ExitReason.TRAILING_STOP_LOSS));
    }
    if (settings.maxTradeMinutes() > 0 && minutesOpen >= settings.maxTradeMinutes()) {
      exits.add(ExitCheck.of(ExitReason.TIME_EXIT));
    }
    return exits;
  }

  /** The trade's profit ratio at {@code rate}, net of the configured fees. */
  public BigDecimal profit(TradeRecord trade, BigDecimal rate) {
    return ProfitRatio.of(trade.side(), trade.openRate(), rate, settings.fee());
  }

  /** Freqtrade's {@code ft_stoploss_adjust} then {@code ft_stoploss_reached}. */
  private ExitReason stoplossReached(TradeRecord trade, BigDecimal rate, BigDecimal profit, Hooks hooks) {
    StopLoss stop = trade.stop();
    BigDecimal stoplossValue = settings.stoploss();
    stop.initialize(trade.openRate(), stoplossValue);
    boolean directionCorrect = stop.isBelowPrice(rate);
    if (directionCorrect) {
      Optional<BigDecimal> custom = hooks.customStoploss(rate, profit);
      if (custom.isPresent() && custom.get().signum() != 0) {
        stoplossValue = custom.get();
        stop.adjust(rate, stoplossValue, false);
      }
    }
    TrailingStop trailing = settings.trailing();
    if (trailing.enabled() && directionCorrect) {
      BigDecimal offset = trailing.positiveOffset();
      if (!(trailing.onlyOffsetIsReached() && profit.compareTo(offset) < 0)) {
        if (trailing.positive() != null && profit.compareTo(offset) > 0) {
          stoplossValue = trailing.positive();
        }
        stop.adjust(rate, stoplossValue, false);
      }
    }
    if (stop.isHit(rate)) {
      return stop.isTrailing() ? ExitReason.TRAILING_STOP_LOSS : ExitReason.STOP_LOSS;
    }
    return ExitReason.NONE;
  }
}
