package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.money.Instruments;

/**
 * Boundary validation of a {@link Consensus} before a strategy sees it: a strategy may assume a
 * known symbol, a usable instrument, a positive finite price and finite indicators.
 */
final class ConsensusChecks {

  private static final int MAX_SCALE = 18;

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
    if (!Double.isFinite(features.getPrice()) || features.getPrice() <= 0 || features.getPrice() > 1e12) {
      return "invalid-price";
    }
    if (!Double.isFinite(consensus.getScore()) || !Double.isFinite(features.getEmaFast())
        || !Double.isFinite(features.getEmaSlow())) {
      return "invalid-features";
    }
    return null;
  }
}
