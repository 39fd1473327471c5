package dev.tradingsystem.frameworks.freqtrade.strategy;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;

/**
 * What a strategy sees for one decision point, FreqAI style: the features the agents saw and the
 * agents' consensus on them. Both come from the one {@link Consensus} message, so a strategy
 * decides on exactly the inputs the agents analysed.
 */
public record StrategyInput(Consensus consensus, FeatureVector features) {

  public static StrategyInput of(Consensus consensus) {
    return new StrategyInput(consensus, consensus.getFeatures());
  }

  public Instrument instrument() {
    return features.getInstrument();
  }

  public String symbol() {
    return features.getInstrument().getSymbol();
  }

  /** Last traded price in quote currency. */
  public double price() {
    return features.getPrice();
  }
}
