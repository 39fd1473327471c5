package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.strategy.EntrySignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.ExitSignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.OpenTrade;
import dev.tradingsystem.frameworks.freqtrade.strategy.RoiTable;
import dev.tradingsystem.frameworks.freqtrade.strategy.Strategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyDefaults;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyInput;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeContext;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A strategy for tests: enters long whenever the row passes {@code entry}, never signals an exit,
 * adjusts positions by {@code adjust}, confirms exits by {@code confirmExit}; ROI 100 % and
 * stoploss -50 % by default, so only what a test sets up exits.
 */
public final class ScriptedStrategy implements Strategy {

  private final StrategyDefaults defaults;
  private final Predicate<StrategyInput> entry;
  private final Function<TradeContext, Optional<BigDecimal>> adjust;
  private final Predicate<String> confirmExit;

  private ScriptedStrategy(StrategyDefaults defaults, Predicate<StrategyInput> entry,
      Function<TradeContext, Optional<BigDecimal>> adjust, Predicate<String> confirmExit) {
    this.defaults = defaults;
    this.entry = entry;
    this.adjust = adjust;
    this.confirmExit = confirmExit;
  }

  /** Enters on every row, nothing else. */
  public static ScriptedStrategy alwaysLong() {
    return new ScriptedStrategy(StrategyDefaults.of(RoiTable.parse(Map.of("0", 1)), new BigDecimal("-0.5")),
        row -> true, context -> Optional.empty(), reason -> true);
  }

  /** Throws on every row it is asked to enter on: a strategy with a bug. */
  public static ScriptedStrategy throwing() {
    return alwaysLong().enteringWhen(row -> {
      throw new IllegalStateException("bug in populate_entry_trend on seq " + row.consensus().getMeta().getSeq());
    });
  }

  public ScriptedStrategy withDefaults(StrategyDefaults value) {
    return new ScriptedStrategy(value, entry, adjust, confirmExit);
  }

  public ScriptedStrategy enteringWhen(Predicate<StrategyInput> value) {
    return new ScriptedStrategy(defaults, value, adjust, confirmExit);
  }

  public ScriptedStrategy adjusting(Function<TradeContext, Optional<BigDecimal>> value) {
    return new ScriptedStrategy(defaults, entry, value, confirmExit);
  }

  public ScriptedStrategy confirmingExits(Predicate<String> value) {
    return new ScriptedStrategy(defaults, entry, adjust, value);
  }

  @Override
  public StrategyDefaults defaults() {
    return defaults;
  }

  @Override
  public EntrySignal populateEntry(StrategyInput input) {
    return entry.test(input) ? EntrySignal.enter(TradeSide.LONG, "scripted") : EntrySignal.NONE;
  }

  @Override
  public ExitSignal populateExit(StrategyInput input, OpenTrade trade) {
    return ExitSignal.HOLD;
  }

  @Override
  public Optional<BigDecimal> adjustTradePosition(TradeContext context, BigDecimal minStake, BigDecimal maxStake) {
    return adjust.apply(context);
  }

  @Override
  public boolean confirmTradeExit(TradeContext context, long quantity, String exitReason) {
    return confirmExit.test(exitReason);
  }
}
