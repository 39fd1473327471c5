package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.strategy.EntrySignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.ExitSignal;
import dev.tradingsystem.frameworks.freqtrade.strategy.OpenTrade;
import dev.tradingsystem.frameworks.freqtrade.strategy.Strategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyDefaults;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyInput;

/** A test strategy that behaves like another, so a test overrides only the callback it breaks. */
abstract class DelegatingStrategy implements Strategy {

  private final Strategy delegate;

  DelegatingStrategy(Strategy delegate) {
    this.delegate = delegate;
  }

  @Override
  public StrategyDefaults defaults() {
    return delegate.defaults();
  }

  @Override
  public EntrySignal populateEntry(StrategyInput input) {
    return delegate.populateEntry(input);
  }

  @Override
  public ExitSignal populateExit(StrategyInput input, OpenTrade trade) {
    return delegate.populateExit(input, trade);
  }
}
