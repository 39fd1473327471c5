package dev.tradingsystem.portfolio.market;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.Instruments;
import java.util.Optional;

/**
 * Checks a trade from {@code market.trades} before it may move fills and marks. A reason is a
 * short snake_case label: it becomes the {@code reason} tag of
 * {@code trading_portfolio_rejected_total}.
 */
public final class TradeValidator {

  /** 10^18 is the most a long can scale; anything above is a corrupt header. */
  static final int MAX_SCALE = 18;

  private final InstrumentCatalog catalog;

  public TradeValidator(InstrumentCatalog catalog) {
    this.catalog = catalog;
  }

  /** Why the trade must be skipped, or empty when it is usable. */
  public Optional<String> check(Trade trade) {
    Optional<String> header = checkHeader(trade.hasMeta(), trade.getMeta(), trade.hasInstrument(),
        trade.getInstrument(), catalog);
    if (header.isPresent()) {
      return header;
    }
    if (trade.getPrice() <= 0) {
      return Optional.of("non_positive_price");
    }
    if (trade.getSize() <= 0) {
      return Optional.of("non_positive_size");
    }
    return Optional.empty();
  }

  /** The checks every market event shares: a seq, a valid symbol, sane scales that match the tape's. */
  static Optional<String> checkHeader(boolean hasMeta, Meta meta, boolean hasInstrument, Instrument instrument,
      InstrumentCatalog catalog) {
    if (!hasMeta || meta.getSeq() <= 0) {
      return Optional.of("missing_seq");
    }
    if (!hasInstrument || !Instruments.isValidSymbol(instrument.getSymbol())) {
      return Optional.of("invalid_symbol");
    }
    if (instrument.getPriceScale() < 0 || instrument.getPriceScale() > MAX_SCALE
        || instrument.getSizeScale() < 0 || instrument.getSizeScale() > MAX_SCALE
        || instrument.getTickSize() < 0 || instrument.getLotSize() < 0) {
      return Optional.of("invalid_instrument");
    }
    if (catalog.scaleMismatch(instrument).isPresent()) {
      return Optional.of("scale_mismatch");
    }
    return Optional.empty();
  }
}
