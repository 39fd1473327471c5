package dev.tradingsystem.frameworks.hummingbot;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.money.Instruments;

/**
 * Boundary validation of a {@link Consensus} before the market maker prices it: a known symbol,
 * a usable instrument, a positive finite price and mid, and a volatility in [0, 1] and a finite,
 * non-negative trade rate (the inputs of σ).
 */
final class ConsensusChecks {

  private static final int MAX_SCALE = 18;
  private static final double MAX_PRICE = 1e12;
  /** A per-tick standard deviation of log returns above 100 % is a broken feature, not a market. */
  private static final double MAX_TICK_VOLATILITY = 1.0;

  private ConsensusChecks() {
  }

  /** The reject reason (a short metric label), or null when the consensus is usable. */
  static String problem(Consensus consensus) {
    if (!consensus.hasMeta()) {
      return "missing-meta";
    }
    if (!consensus.hasFeatures()) {
      return "missing-features";
    }
    FeatureVector features = consensus.getFeatures();
    Instrument instrument = features.getInstrument();
    if (!Instruments.isValidSymbol(instrument.getSymbol())) {
      return "unknown-symbol";
    }
    if (!consensus.getSymbol().isEmpty() && !consensus.getSymbol().equals(instrument.getSymbol())) {
      return "symbol-mismatch";
    }
    if (instrument.getPriceScale() < 0 || instrument.getPriceScale() > MAX_SCALE
        || instrument.getSizeScale() < 0 || instrument.getSizeScale() > MAX_SCALE
        || instrument.getTickSize() < 0 || instrument.getLotSize() < 0 || instrument.getMinSize() < 0) {
      return "invalid-instrument";
    }
    if (!(features.getPrice() > 0) || features.getPrice() > MAX_PRICE
        || !(features.getMid() >= 0) || features.getMid() > MAX_PRICE) {
      return "invalid-price";
    }
    if (!(features.getVolatility() >= 0) || features.getVolatility() > MAX_TICK_VOLATILITY
        || !(features.getTradeRate() >= 0) || !Double.isFinite(features.getTradeRate())
        || !Double.isFinite(consensus.getScore())) {
      return "invalid-features";
    }
    return null;
  }
}
