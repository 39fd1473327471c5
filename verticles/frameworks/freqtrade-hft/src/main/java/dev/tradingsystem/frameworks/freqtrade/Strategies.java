package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.strategy.MomentumStrategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.Strategy;
import java.util.List;

/** The strategies this framework can run, by the name in {@code freqtrade.strategy}. */
public final class Strategies {

  /** Names accepted by {@link #create}. */
  public static final List<String> NAMES = List.of(MomentumStrategy.NAME);

  private Strategies() {
  }

  /** @throws IllegalArgumentException for a name not in {@link #NAMES} */
  public static Strategy create(FreqtradeConfig config) {
    return switch (config.strategy()) {
      case MomentumStrategy.NAME -> new MomentumStrategy(config.entryThreshold(), config.exitThreshold(),
          config.minimalRoi(), config.stoploss());
      default -> throw new IllegalArgumentException("unknown strategy '" + config.strategy() + "', known: " + NAMES);
    };
  }
}
