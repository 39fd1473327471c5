package dev.tradingsystem.data.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Instrument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The book's rules as a trader reads them. Prices and sizes are in units (scale 0 here). A
 * snapshot at update id 100 holds bids 99x5, 98x3 and asks 101x4, 102x6; each row then sends
 * deltas written {@code U-u[/pu]:bids|asks} with levels {@code price@size}.
 */
class OrderBookTest {

  static final Instrument BTC = Instrument.newBuilder().setSymbol("BTC/USDT").setVenue("binance").build();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # case                                           ; deltas                                      ; outcomes                  ; synced ; best bid ; best ask ; issue
      a delta continuing the snapshot applies           ; 101-101:99@7|                               ; APPLIED                   ; true   ; 99x7     ; 101x4    ;
      a delta already in the snapshot is skipped        ; 95-100:99@1|                                ; SKIPPED                   ; true   ; 99x5     ; 101x4    ;
      the first delta may straddle the snapshot         ; 98-103:|101@0                               ; APPLIED                   ; true   ; 99x5     ; 102x6    ;
      size zero removes a level                         ; 101-101:99@0|                               ; APPLIED                   ; true   ; 98x3     ; 101x4    ;
      removing an absent level is harmless              ; 101-101:97@0|                               ; APPLIED                   ; true   ; 99x5     ; 101x4    ;
      a new best bid inside the spread                  ; 101-101:100@2|                              ; APPLIED                   ; true   ; 100x2    ; 101x4    ;
      a missed update is a gap and the book resyncs     ; 101-101:99@7| , 103-104:99@8|               ; APPLIED,REJECTED          ; false  ;          ;          ; gap
      a first delta after the snapshot is a gap         ; 105-106:99@7|                               ; REJECTED                  ; false  ;          ;          ; gap
      a repeated delta is stale and dropped             ; 101-102:99@7| , 101-102:99@1|               ; APPLIED,REJECTED          ; true   ; 99x7     ; 101x4    ; stale
      a bid through the ask crosses the book            ; 101-101:103@1|                              ; REJECTED                  ; false  ;          ;          ; crossed
      a bid at the ask locks the book                   ; 101-101:101@1|                              ; REJECTED                  ; false  ;          ;          ; locked
      futures chain by pu, not by U                     ; 90-101/95:99@7| , 110-120/101:|101@9        ; APPLIED,APPLIED           ; true   ; 99x7     ; 101x9    ;
      futures with a broken pu chain is a gap           ; 90-101/95:99@7| , 110-120/105:|101@9        ; APPLIED,REJECTED          ; false  ;          ;          ; gap
      """)
  void appliesDeltasOnASnapshot(String name, String deltas, String outcomes, boolean synced, String bestBid,
      String bestAsk, String issue) {
    OrderBook book = new OrderBook(BTC);
    assertThat(book.applySnapshot(snapshot(100, "99@5,98@3", "101@4,102@6"))).isEqualTo(BookUpdate.APPLIED);

    List<BookUpdate> seen = new ArrayList<>();
    for (String delta : deltas.split(",")) {
      seen.add(book.applyDelta(delta(delta.trim())));
    }

    assertThat(seen).extracting(Enum::name).containsExactly(outcomes.split(","));
    assertThat(book.synced()).isEqualTo(synced);
    if (synced) {
      assertThat(book.bidPrice(0) + "x" + book.bidSize(0)).isEqualTo(bestBid);
      assertThat(book.askPrice(0) + "x" + book.askSize(0)).isEqualTo(bestAsk);
    } else {
      assertThat(book.bidDepth()).as("a book in resync shows nothing").isZero();
      assertThat(book.askDepth()).isZero();
    }
    if (issue == null) {
      assertThat(book.issues()).isEmpty();
    } else {
      assertThat(book.issues()).containsOnlyKeys(issueOf(issue));
    }
  }

  @Test
  void deltasBeforeTheSnapshotAreBufferedThenAppliedFromTheSnapshotOn() {
    OrderBook book = new OrderBook(BTC);
    assertThat(book.applyDelta(delta("90-95:99@1|"))).isEqualTo(BookUpdate.BUFFERED);
    assertThat(book.applyDelta(delta("96-100:99@2|"))).isEqualTo(BookUpdate.BUFFERED);
    assertThat(book.applyDelta(delta("101-104:|101@8"))).isEqualTo(BookUpdate.BUFFERED);
    assertThat(book.synced()).isFalse();
    assertThat(book.bidDepth()).isZero();

    assertThat(book.applySnapshot(snapshot(100, "99@5", "101@4"))).isEqualTo(BookUpdate.APPLIED);

    assertThat(book.lastUpdateId()).isEqualTo(104);
    assertThat(book.bidSize(0)).as("the snapshot's size, not the skipped diffs'").isEqualTo(5);
    assertThat(book.askSize(0)).isEqualTo(8);
    assertThat(book.applyDelta(delta("105-105:99@6|"))).isEqualTo(BookUpdate.APPLIED);
    assertThat(book.toSnapshot().getBidsList()).containsExactly(level(99, 6));
  }

  @Test
  void aResyncedBookRecoversOnTheNextSnapshot() {
    OrderBook book = new OrderBook(BTC);
    book.applySnapshot(snapshot(100, "99@5", "101@4"));
    assertThat(book.applyDelta(delta("102-102:99@7|"))).isEqualTo(BookUpdate.REJECTED);
    assertThat(book.applyDelta(delta("103-103:99@8|"))).as("held until a snapshot").isEqualTo(BookUpdate.BUFFERED);

    assertThat(book.applySnapshot(snapshot(102, "99@7", "101@4"))).isEqualTo(BookUpdate.APPLIED);

    assertThat(book.synced()).isTrue();
    assertThat(book.bidSize(0)).isEqualTo(8);
    assertThat(book.resyncs()).isEqualTo(1);
    assertThat(book.issueCount(BookIssue.GAP)).isEqualTo(1);
  }

  @Test
  void aCrossedSnapshotIsNeverTrusted() {
    OrderBook book = new OrderBook(BTC);
    assertThat(book.applySnapshot(snapshot(100, "102@1", "101@4"))).isEqualTo(BookUpdate.REJECTED);
    assertThat(book.lastIssue()).isEqualTo(BookIssue.CROSSED);
    assertThat(book.synced()).isFalse();
  }

  @Test
  void theBufferKeepsTheNewestDeltasAndCountsTheOverflow() {
    OrderBook book = new OrderBook(BTC, 2);
    book.applyDelta(delta("90-95:99@1|"));
    book.applyDelta(delta("96-100:99@2|"));
    book.applyDelta(delta("101-101:99@3|"));

    assertThat(book.issueCount(BookIssue.BUFFER_OVERFLOW)).isEqualTo(1);
    book.applySnapshot(snapshot(100, "99@5", "101@4"));
    assertThat(book.bidSize(0)).isEqualTo(3);
  }

  @Test
  void levelsAreKeptBestFirstOnBothSides() {
    OrderBook book = new OrderBook(BTC);
    book.applySnapshot(snapshot(1, "97@1,99@2,98@3", "103@1,101@2,102@3"));
    assertThat(List.of(book.bidPrice(0), book.bidPrice(1), book.bidPrice(2))).containsExactly(99L, 98L, 97L);
    assertThat(List.of(book.askPrice(0), book.askPrice(1), book.askPrice(2))).containsExactly(101L, 102L, 103L);
  }

  @Test
  void aChecksumMismatchPutsTheBookIntoResync() {
    OrderBook book = new OrderBook(BTC);
    book.applySnapshot(snapshot(1, "99@5", "101@4"));
    BookChecksum checksum = new OkxChecksum(0, 0);
    long good = checksum.compute(book);

    assertThat(book.verify(checksum, good)).isTrue();
    assertThat(book.verify(checksum, good + 1)).isFalse();
    assertThat(book.synced()).isFalse();
    assertThat(book.issueCount(BookIssue.CHECKSUM_MISMATCH)).isEqualTo(1);
  }

  static BookIssue issueOf(String code) {
    for (BookIssue issue : BookIssue.values()) {
      if (issue.code().equals(code)) {
        return issue;
      }
    }
    throw new IllegalArgumentException(code);
  }

  static BookSnapshot snapshot(long lastUpdateId, String bids, String asks) {
    return BookSnapshot.newBuilder().setInstrument(BTC).setLastUpdateId(lastUpdateId)
        .addAllBids(levels(bids)).addAllAsks(levels(asks)).build();
  }

  /** {@code U-u[/pu]:bids|asks}. */
  static BookDelta delta(String text) {
    String[] head = text.split(":", 2);
    String[] ids = head[0].split("[-/]");
    String[] sides = head[1].split("\\|", -1);
    BookDelta.Builder delta = BookDelta.newBuilder().setInstrument(BTC)
        .setFirstUpdateId(Long.parseLong(ids[0])).setLastUpdateId(Long.parseLong(ids[1]))
        .addAllBids(levels(sides[0])).addAllAsks(levels(sides[1]));
    if (ids.length > 2) {
      delta.setPreviousUpdateId(Long.parseLong(ids[2]));
    }
    return delta.build();
  }

  static List<BookLevel> levels(String text) {
    List<BookLevel> levels = new ArrayList<>();
    for (String level : text.split("[, ]+")) {
      if (!level.isBlank()) {
        String[] parts = level.split("@");
        levels.add(level(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
      }
    }
    return levels;
  }

  static BookLevel level(long price, long size) {
    return BookLevel.newBuilder().setPrice(price).setSize(size).build();
  }
}
