package dev.tradingsystem.portfolio.exchange;

import static dev.tradingsystem.portfolio.Fixtures.BTC_USD;
import static dev.tradingsystem.portfolio.Fixtures.meta;
import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

/** More book updates between two trades than the buffer holds: the oldest go through early, nothing is lost. */
class BookFeedOverflowTest {

  private static BookLevel ask(String price, String size) {
    return BookLevel.newBuilder().setPrice(px(price)).setSize(qty(size)).build();
  }

  @Test
  void theOldestUpdatesAreAppliedEarlyAndCounted() {
    PaperExchange exchange = new PaperExchange(PaperExchangeConfig.defaults(), 1);
    exchange.onBook(BookSnapshot.newBuilder().setMeta(meta(1)).setInstrument(BTC_USD)
        .addAsks(ask("1001.00", "1")).setLastUpdateId(10).build());
    exchange.onTrade(trade(2, "1000.00", "0.1"));
    exchange.submit(new OrderTicket("o-m-1", "m-1", "m", BTC_USD, Side.BUY, OrderType.MARKET, TimeInForce.GTC,
        0, qty("1"), 2));

    for (long seq = 3; seq <= 5; seq++) {
      exchange.onBook(BookDelta.newBuilder().setMeta(meta(seq)).setInstrument(BTC_USD)
          .addAsks(ask("1000.50", String.valueOf(seq - 2))).setFirstUpdateId(8 + seq).setLastUpdateId(8 + seq).build());
    }
    List<ExchangeEvent> events = exchange.onTrade(trade(6, "1000.00", "0.1"));

    // The market buy reached the venue before the first update: it took the 1001.00 offer.
    assertThat(events).singleElement().isInstanceOfSatisfying(ExchangeEvent.Fill.class,
        fill -> assertThat(fill.price()).isEqualTo(px("1001.00")));
    assertThat(exchange.bookIssues()).containsEntry("book_buffer_overflow", 2L);
    assertThat(exchange.bookSynced("BTC/USD")).isTrue();
  }
}
