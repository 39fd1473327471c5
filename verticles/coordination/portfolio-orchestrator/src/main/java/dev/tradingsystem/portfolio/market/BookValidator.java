package dev.tradingsystem.portfolio.market;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * Checks a book snapshot or delta from {@code market.books} before the paper exchange sees it:
 * the header checks trades get, and levels with a positive price and a non-negative size (0
 * removes a level). Sequencing by update id is the exchange's check. Reasons are snake_case
 * metric tags, like {@link TradeValidator}'s.
 */
public final class BookValidator {

  private final InstrumentCatalog catalog;

  public BookValidator(InstrumentCatalog catalog) {
    this.catalog = catalog;
  }

  public Optional<String> check(BookSnapshot snapshot) {
    return TradeValidator.checkHeader(snapshot.hasMeta(), snapshot.getMeta(), snapshot.hasInstrument(),
            snapshot.getInstrument(), catalog)
        .or(() -> checkLevels(snapshot.getBidsList()))
        .or(() -> checkLevels(snapshot.getAsksList()));
  }

  public Optional<String> check(BookDelta delta) {
    return TradeValidator.checkHeader(delta.hasMeta(), delta.getMeta(), delta.hasInstrument(),
            delta.getInstrument(), catalog)
        .or(() -> checkLevels(delta.getBidsList()))
        .or(() -> checkLevels(delta.getAsksList()));
  }

  private static Optional<String> checkLevels(List<BookLevel> levels) {
    for (BookLevel level : levels) {
      if (level.getPrice() <= 0 || level.getSize() < 0) {
        return Optional.of("invalid_level");
      }
    }
    return Optional.empty();
  }
}
