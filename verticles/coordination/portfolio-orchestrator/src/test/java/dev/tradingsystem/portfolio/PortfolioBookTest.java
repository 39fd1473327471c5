package dev.tradingsystem.portfolio;

import static dev.tradingsystem.portfolio.Fixtures.BTC_USD;
import static dev.tradingsystem.portfolio.Fixtures.approved;
import static dev.tradingsystem.portfolio.Fixtures.intent;
import static dev.tradingsystem.portfolio.Fixtures.meta;
import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine with {@code market.books}: book-driven fills, bad and broken book updates. */
class PortfolioBookTest {

  private static BookLevel level(String price, String size) {
    return BookLevel.newBuilder().setPrice(px(price)).setSize(qty(size)).build();
  }

  private static BookSnapshot snapshot(long seq, long updateId) {
    return BookSnapshot.newBuilder().setMeta(meta(seq)).setInstrument(BTC_USD)
        .addBids(level("999.00", "2")).addAsks(level("1001.00", "2")).setLastUpdateId(updateId).build();
  }

  private static BookDelta delta(long seq, long first, long last, BookLevel bid, BookLevel ask) {
    BookDelta.Builder delta = BookDelta.newBuilder().setMeta(meta(seq)).setInstrument(BTC_USD)
        .setFirstUpdateId(first).setLastUpdateId(last);
    if (bid != null) {
      delta.addBids(bid);
    }
    if (ask != null) {
      delta.addAsks(ask);
    }
    return delta.build();
  }

  @Test
  void aMarketOrderTakesTheBookAndBookFillsGoOutWithTheNextTradesState() {
    PortfolioEngine engine = Fixtures.engine();
    assertThat(engine.onBook(snapshot(1, 100))).isEmpty();
    engine.onTrade(trade(2, "1000.00", "0.1"));
    engine.place(approved(intent("a-1", "a", 2, Side.BUY, OrderType.MARKET, null, "3")));
    engine.place(approved(intent("b-1", "b", 2, Side.BUY, OrderType.LIMIT, "1000.00", "1")));

    // seq 3: an offer appears at 1000.00 and crosses b's resting bid.
    assertThat(engine.onBook(delta(3, 101, 101, null, level("1000.00", "0.4")))).isEmpty();
    TradeOutcome outcome = engine.onTrade(trade(4, "1001.00", "0.1"));

    assertThat(outcome.executions()).extracting(Execution::getOrderId, Execution::getPrice, Execution::getQuantity,
            Execution::getLiquidity)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("o-a-1", px("1001.00"), qty("2"), Liquidity.TAKER),
            org.assertj.core.api.Assertions.tuple("o-b-1", px("1000.00"), qty("0.4"), Liquidity.MAKER));
    assertThat(outcome.executions()).allSatisfy(e -> assertThat(e.getMeta().getSeq()).isEqualTo(4));
    assertThat(outcome.state().getMeta().getSeq()).isEqualTo(4);
    assertThat(outcome.orderUpdates()).extracting(o -> o.getOrderId() + " " + o.getStatus())
        .containsExactly("o-a-1 EXPIRED", "o-b-1 PARTIALLY_FILLED");
  }

  @Test
  void aGapIsRefusedCountedAndOrdersFallBackToTheTapeUntilTheNextSnapshot() {
    PortfolioEngine engine = Fixtures.engine();
    engine.onBook(snapshot(1, 100));
    engine.onBook(delta(2, 101, 101, level("999.50", "1"), null));

    Optional<String> gap = engine.onBook(delta(3, 105, 106, level("999.60", "1"), null));
    Optional<String> afterGap = engine.onBook(delta(4, 107, 107, level("999.70", "1"), null));
    engine.onTrade(trade(5, "1000.00", "0.1"));
    engine.place(approved(intent("a-1", "a", 5, Side.BUY, OrderType.MARKET, null, "1")));
    TradeOutcome tape = engine.onTrade(trade(6, "1000.00", "0.1"));

    assertThat(gap).contains("book_gap");
    assertThat(afterGap).contains("book_not_synced");
    assertThat(engine.bookIssues()).containsEntry("book_gap", 1L).containsEntry("book_not_synced", 1L);
    // No book: the classic rule, trade price plus the 5 bps half-spread.
    assertThat(tape.executions()).singleElement().satisfies(e -> assertThat(e.getPrice()).isEqualTo(px("1000.50")));

    engine.onBook(snapshot(7, 200));
    engine.onTrade(trade(8, "1000.00", "0.1"));
    engine.place(approved(intent("a-2", "a", 8, Side.BUY, OrderType.MARKET, null, "1")));
    TradeOutcome book = engine.onTrade(trade(9, "1000.00", "0.1"));
    assertThat(book.executions()).singleElement().satisfies(e -> assertThat(e.getPrice()).isEqualTo(px("1001.00")));
  }

  @Test
  void malformedAndLateBookUpdatesAreRefusedWithAReason() {
    PortfolioEngine engine = Fixtures.engine();
    engine.onTrade(trade(5, "1000.00", "0.1"));

    assertThat(engine.onBook(snapshot(3, 100))).contains("stale_seq");
    assertThat(engine.onBook(snapshot(6, 100).toBuilder().addBids(level("998.00", "-1")).build()))
        .contains("invalid_level");
    assertThat(engine.onBook(snapshot(7, 100).toBuilder().clearMeta().build())).contains("missing_seq");
    assertThat(engine.onBook(snapshot(8, 100).toBuilder()
        .setInstrument(BTC_USD.toBuilder().setPriceScale(4)).build())).contains("scale_mismatch");
    assertThat(engine.onBook(snapshot(9, 100))).isEmpty();
  }
}
