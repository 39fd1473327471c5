package dev.tradingsystem.risk.book;

import static dev.tradingsystem.risk.RiskFixtures.BTC_USD;
import static dev.tradingsystem.risk.RiskFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.risk.rules.Reference;
import org.junit.jupiter.api.Test;

/** The collar's reference: book mids when usable, else the last trade; and the throttle's bucket. */
class ReferencePricesTest {

  private static final long HOUR_US = 3_600_000_000L;

  private static BookLevel level(long price, long size) {
    return BookLevel.newBuilder().setPrice(price).setSize(size).build();
  }

  @Test
  void aBookMidFollowsDeltasAndACrossedBookFallsBackToTheLastTrade() {
    RiskBook book = new RiskBook(() -> TradingState.ACTIVE, 10);
    long now = meta(3).getEventTimeUs();
    book.onTrade("BTC/USD", 80_000, 1, meta(1).getEventTimeUs());
    book.onBook(BookSnapshot.newBuilder().setMeta(meta(2)).setInstrument(BTC_USD).setLastUpdateId(10)
        .addBids(level(79_900, 5)).addAsks(level(80_100, 5)).build());
    assertThat(book.reference("BTC/USD", now, HOUR_US)).contains(new Reference(80_000, meta(2).getEventTimeUs(), Reference.MID));

    book.onBook(BookDelta.newBuilder().setMeta(meta(3)).setInstrument(BTC_USD).setLastUpdateId(11)
        .addBids(level(79_900, 0)).addBids(level(79_950, 2)).build());
    assertThat(book.reference("BTC/USD", now, HOUR_US)).map(Reference::price).contains(80_025L);

    book.onBook(BookDelta.newBuilder().setMeta(meta(3)).setInstrument(BTC_USD).setLastUpdateId(11)
        .addBids(level(81_000, 1)).build());
    assertThat(book.reference("BTC/USD", now, HOUR_US)).as("an old delta is ignored").map(Reference::price).contains(80_025L);

    book.onBook(BookDelta.newBuilder().setMeta(meta(3)).setInstrument(BTC_USD).setLastUpdateId(12)
        .addBids(level(80_200, 1)).build());
    assertThat(book.reference("BTC/USD", now, HOUR_US))
        .as("crossed: the trade is the reference").contains(new Reference(80_000, meta(1).getEventTimeUs(), Reference.TRADE));
  }

  @Test
  void throttleTokensRefillOnTheEventClock() {
    TokenBucket bucket = new TokenBucket(2, 3);
    bucket.take(0);
    bucket.take(0);
    bucket.take(0);
    assertThat(bucket.available(0)).isZero();
    assertThat(bucket.available(250_000)).isEqualTo(0.5);
    assertThat(bucket.available(10_000_000)).as("capped at the burst").isEqualTo(3);
    bucket.take(500_000);
    assertThat(bucket.available(400_000)).as("time going back refills nothing").isEqualTo(0);
  }
}
