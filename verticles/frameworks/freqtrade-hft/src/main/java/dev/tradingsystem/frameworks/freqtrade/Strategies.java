package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.strategy.BollingerRsiStrategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.ConsensusEdgeStrategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.ForecastBandStrategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.MomentumStrategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.ParameterSpace;
import dev.tradingsystem.frameworks.freqtrade.strategy.Parameters;
import dev.tradingsystem.frameworks.freqtrade.strategy.Strategy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The strategy classes a configuration can name ({@code frameworks.freqtrade.strategies.<name>.strategy}),
 * each with its parameter space and a factory, like Freqtrade's strategy resolver. Immutable;
 * {@link #with} adds a class (a custom strategy, a test double).
 */
public final class Strategies {

  /** A strategy class: the parameters it declares and how to build it from their values. */
  public record Blueprint(ParameterSpace parameters, Function<Parameters, Strategy> factory) {
  }

  private final Map<String, Blueprint> byType;

  private Strategies(Map<String, Blueprint> byType) {
    this.byType = byType;
  }

  /** momentum, consensus-edge, forecast-band and bollinger-rsi. */
  public static Strategies builtIn() {
    return new Strategies(new TreeMap<>())
        .with(MomentumStrategy.NAME, MomentumStrategy.PARAMETERS, MomentumStrategy::new)
        .with(ConsensusEdgeStrategy.NAME, ConsensusEdgeStrategy.PARAMETERS, ConsensusEdgeStrategy::new)
        .with(ForecastBandStrategy.NAME, ForecastBandStrategy.PARAMETERS, ForecastBandStrategy::new)
        .with(BollingerRsiStrategy.NAME, BollingerRsiStrategy.PARAMETERS, BollingerRsiStrategy::new);
  }

  /** These strategies plus {@code type}. */
  public Strategies with(String type, ParameterSpace parameters, Function<Parameters, Strategy> factory) {
    Map<String, Blueprint> copy = new TreeMap<>(byType);
    copy.put(type, new Blueprint(parameters, factory));
    return new Strategies(copy);
  }

  public Set<String> types() {
    return byType.keySet();
  }

  public Optional<Blueprint> blueprint(String type) {
    return Optional.ofNullable(byType.get(type));
  }
}
