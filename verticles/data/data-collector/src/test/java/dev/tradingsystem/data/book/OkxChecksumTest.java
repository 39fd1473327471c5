package dev.tradingsystem.data.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import org.junit.jupiter.api.Test;

class OkxChecksumTest {

  /**
   * OKX's documented example book: bids 3366.1x7, 3366x6; asks 3366.8x9, 3368x8 (price scale 1,
   * size scale 0). Interleaved, the hashed text is {@code 3366.1:7:3366.8:9:3366:6:3368:8};
   * its CRC32 is 0x8FE1FFEA = 2413953002, which as a signed 32-bit integer is -1881014294.
   */
  @Test
  void hashesTheInterleavedTopLevelsAsOkxDoes() {
    OrderBook book = new OrderBook(OrderBookTest.BTC);
    book.applySnapshot(BookSnapshot.newBuilder().setLastUpdateId(1)
        .addBids(level(33661, 7)).addBids(level(33660, 6))
        .addAsks(level(33668, 9)).addAsks(level(33680, 8))
        .build());
    OkxChecksum checksum = new OkxChecksum(1, 0);

    assertThat(checksum.text(book)).isEqualTo("3366.1:7:3366.8:9:3366:6:3368:8");
    assertThat(checksum.compute(book)).isEqualTo(-1_881_014_294L);
  }

  @Test
  void aShorterSideLeavesTheOtherSidesLevelsAlone() {
    OrderBook book = new OrderBook(OrderBookTest.BTC);
    book.applySnapshot(BookSnapshot.newBuilder().setLastUpdateId(1)
        .addBids(level(33661, 7)).addBids(level(33660, 6))
        .addAsks(level(33668, 9))
        .build());

    assertThat(new OkxChecksum(1, 0).text(book)).isEqualTo("3366.1:7:3366.8:9:3366:6");
    assertThat(new OkxChecksum(1, 0).compute(book)).isEqualTo(1_164_732_920L);
  }

  @Test
  void onlyTheTop25LevelsCount() {
    OrderBook book = new OrderBook(OrderBookTest.BTC);
    BookSnapshot.Builder snapshot = BookSnapshot.newBuilder().setLastUpdateId(1);
    for (int i = 0; i < 30; i++) {
      snapshot.addBids(level(1000 - i, 1)).addAsks(level(2000 + i, 1));
    }
    book.applySnapshot(snapshot.build());

    assertThat(new OkxChecksum(0, 0).text(book).split(":")).hasSize(25 * 4);
  }

  private static BookLevel level(long price, long size) {
    return BookLevel.newBuilder().setPrice(price).setSize(size).build();
  }
}
