package dev.tradingsystem.frameworks.hummingbot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Side;
import org.junit.jupiter.api.Test;

/** Binance's rules for a local book: buffer until the snapshot, drop stale diffs, count sequence breaks. */
class L2BookTest {

  private static BookLevel level(long price, long size) {
    return BookLevel.newBuilder().setPrice(price).setSize(size).build();
  }

  private static BookDelta delta(long first, long last, BookLevel bid) {
    return BookDelta.newBuilder().setFirstUpdateId(first).setLastUpdateId(last).addBids(bid).build();
  }

  private static BookSnapshot snapshot(long lastUpdateId) {
    return BookSnapshot.newBuilder().setLastUpdateId(lastUpdateId)
        .addBids(level(10_000, 5)).addBids(level(9_999, 7)).addAsks(level(10_002, 3)).build();
  }

  @Test
  void diffsBeforeTheSnapshotAreBufferedAndOnlyTheNewerOnesReplayed() {
    L2Book book = new L2Book();
    book.onDelta(delta(1, 10, level(10_000, 1)));
    book.onDelta(delta(11, 20, level(10_001, 4)));
    assertThat(book.ready()).isFalse();

    book.onSnapshot(snapshot(15));

    assertThat(book.ready()).isTrue();
    assertThat(book.stale()).isEqualTo(1);
    assertThat(book.gaps()).isZero();
    assertThat(book.bestBid()).isEqualTo(10_001);
    assertThat(book.sizeAt(Side.BUY, 10_000)).as("the stale diff's size was not applied").isEqualTo(5);
    assertThat(book.bestAsk()).isEqualTo(10_002);
  }

  @Test
  void levelsOfSizeZeroLeaveAndSequenceBreaksAreCounted() {
    L2Book book = new L2Book();
    book.onSnapshot(snapshot(100));
    book.onDelta(delta(101, 105, level(10_000, 0)));
    book.onDelta(delta(107, 110, level(9_999, 2)));
    book.onDelta(delta(111, 111, level(9_998, 1)));

    assertThat(book.bestBid()).isEqualTo(9_999);
    assertThat(book.sizeAt(Side.BUY, 9_999)).isEqualTo(2);
    assertThat(book.sizeAt(Side.SELL, 9_999)).isZero();
    assertThat(book.gaps()).as("106 is missing").isEqualTo(1);
  }

  @Test
  void aFirstDiffThatDoesNotStraddleTheSnapshotIsAGap() {
    L2Book book = new L2Book();
    book.onSnapshot(snapshot(100));
    book.onDelta(delta(102, 103, level(10_000, 1)));

    assertThat(book.gaps()).isEqualTo(1);
  }

  @Test
  void futuresDiffsChainOnThePreviousUpdateId() {
    L2Book book = new L2Book();
    book.onSnapshot(snapshot(100));
    book.onDelta(delta(95, 104, level(10_000, 1)));
    book.onDelta(delta(200, 210, level(10_000, 2)).toBuilder().setPreviousUpdateId(104).build());
    book.onDelta(delta(220, 230, level(10_000, 3)).toBuilder().setPreviousUpdateId(215).build());

    assertThat(book.gaps()).isEqualTo(1);
    assertThat(book.sizeAt(Side.BUY, 10_000)).isEqualTo(3);
  }
}
