package dev.tradingsystem.frameworks.runtime;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.money.Instruments;

/**
 * Boundary validation of a {@link Consensus} that every framework needs before a strategy sees
 * it: a header, features, a known symbol, a usable instrument, a positive finite price and a size haircut in [0, 1]. What a
 * particular strategy reads beyond that (indicators, volatility) it checks in
 * {@link TickParticipant#inputProblem}.
 */
public final class ConsensusChecks {

  /** A price (or mid) above this is a broken feed, not a market. */
  public static final double MAX_PRICE = 1e12;

  private static final int MAX_SCALE = 18;

  private ConsensusChecks() {
  }

  /** The reject reason (a short metric label), or null when the consensus is usable. */
  public static String problem(Consensus consensus) {
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
    // Written so that NaN fails too: every comparison with NaN is false.
    if (!(features.getPrice() > 0) || features.getPrice() > MAX_PRICE) {
      return "invalid-price";
    }
    if (!(consensus.getSizeHaircut() >= 0 && consensus.getSizeHaircut() <= 1)) {
      return "invalid-haircut";
    }
    return null;
  }
}
