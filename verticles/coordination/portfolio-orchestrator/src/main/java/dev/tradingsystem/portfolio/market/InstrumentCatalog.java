package dev.tradingsystem.portfolio.market;

import dev.tradingsystem.proto.Instrument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The symbols the venue trades. A symbol is known when it is listed in config or has traded on
 * the tape; its fixed-point scales are learnt from its first trade and must not change after,
 * because every price and size the portfolio holds is in those units.
 */
public final class InstrumentCatalog {

  private final Set<String> listed;
  private final Map<String, Instrument> traded = new HashMap<>();

  public InstrumentCatalog(List<String> listedSymbols) {
    this.listed = Set.copyOf(listedSymbols);
  }

  public boolean isKnown(String symbol) {
    return listed.contains(symbol) || traded.containsKey(symbol);
  }

  /** The instrument as last seen on the tape; empty before its first trade. */
  public Optional<Instrument> instrument(String symbol) {
    return Optional.ofNullable(traded.get(symbol));
  }

  /** Why this instrument disagrees with what the tape established, or empty when it does not. */
  public Optional<String> scaleMismatch(Instrument instrument) {
    Instrument known = traded.get(instrument.getSymbol());
    if (known == null
        || (known.getPriceScale() == instrument.getPriceScale() && known.getSizeScale() == instrument.getSizeScale())) {
      return Optional.empty();
    }
    return Optional.of(instrument.getSymbol() + " trades with price scale " + known.getPriceScale()
        + " and size scale " + known.getSizeScale() + ", got " + instrument.getPriceScale()
        + " and " + instrument.getSizeScale());
  }

  /** Records an instrument from a validated trade (tick and lot may be updated by the venue). */
  public void learn(Instrument instrument) {
    traded.put(instrument.getSymbol(), instrument);
  }
}
