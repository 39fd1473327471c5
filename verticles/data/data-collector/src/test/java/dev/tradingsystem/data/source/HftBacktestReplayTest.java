package dev.tradingsystem.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.data.book.BookUpdate;
import dev.tradingsystem.data.book.OrderBook;
import dev.tradingsystem.data.source.SourceBatch.Rejection;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.Instruments;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real hftbacktest captures (Binance spot and USD-M futures, 2024-08-08) replayed into an
 * order book under Binance's rules: diffs buffered until the one late REST snapshot, the stale
 * ones skipped, the rest chained without a gap, and the book never crossed.
 */
class HftBacktestReplayTest {

  @Test
  void spotCaptureBuildsAConsistentBookFromTheLateSnapshot() throws IOException {
    Tally tally = replay("data/orderbook/hftbacktest/spot/btcusdt_20240808.gz");

    assertThat(tally.source.instrument().getSymbol()).isEqualTo("BTC/USDT");
    assertThat(tally.source.instrument().getPriceScale()).isEqualTo(8);
    assertThat(tally.source.instrument().getSizeScale()).isEqualTo(8);
    assertThat(tally.trades).isEqualTo(9_757);
    assertThat(tally.snapshots).isEqualTo(1);
    assertThat(tally.deltas).isEqualTo(3_451);
    assertThat(tally.rejected).as("rejections: %s", tally.rejections).isZero();
    assertThat(tally.book.issues()).isEmpty();
    assertThat(tally.book.synced()).isTrue();
    assertThat(tally.book.skipped()).as("diffs older than the snapshot").isEqualTo(2);
    assertThat(tally.updates.get(BookUpdate.BUFFERED)).as("diffs before the snapshot").isEqualTo(3);
    assertThat(tally.updates.get(BookUpdate.APPLIED)).as("the snapshot and every later diff")
        .isEqualTo(1 + tally.deltas - 3);
    assertThat(tally.book.lastUpdateId()).isEqualTo(tally.lastDeltaId);
    assertThat(tally.book.bidPrice(0)).isLessThan(tally.book.askPrice(0));
    assertThat(tally.quotes).isEqualTo(28_040);
  }

  @Test
  void futuresCaptureChainsDiffsByPreviousUpdateId() throws IOException {
    Tally tally = replay("data/orderbook/hftbacktest/usdm/btcusdt_20240808.gz");

    assertThat(tally.source.instrument().getPriceScale()).isEqualTo(2);
    assertThat(tally.source.instrument().getSizeScale()).isEqualTo(3);
    assertThat(tally.snapshots).isEqualTo(1);
    assertThat(tally.book.issues()).isEmpty();
    assertThat(tally.book.synced()).isTrue();
    assertThat(tally.updates.get(BookUpdate.APPLIED)).isGreaterThan(6_000);
  }

  private static Tally replay(String shared) throws IOException {
    String location = SharedDataLocator.require(shared).toString();
    Tally tally = new Tally();
    try (MarketDataSource source = MarketSources.open(location, SourceSettings.detect(Instruments.BITSTAMP_BTC_USD, 0.5))) {
      tally.source = source;
      tally.book = new OrderBook(source.instrument());
      SourceBatch batch;
      do {
        batch = SourceBatch.pull(source, 5_000);
        for (Object event : batch.events()) {
          tally.count(event);
        }
      } while (batch.more());
    }
    return tally;
  }

  private static final class Tally {
    MarketDataSource source;
    OrderBook book;
    final Map<BookUpdate, Integer> updates = new EnumMap<>(BookUpdate.class);
    final Map<String, Integer> rejections = new java.util.TreeMap<>();
    int trades;
    int quotes;
    int snapshots;
    int deltas;
    int rejected;
    int quoteRejections;
    long lastDeltaId;

    void count(Object event) {
      if (event instanceof Trade) {
        trades++;
      } else if (event instanceof Quote) {
        quotes++;
      } else if (event instanceof BookSnapshot snapshot) {
        snapshots++;
        updates.merge(book.applySnapshot(snapshot), 1, Integer::sum);
      } else if (event instanceof BookDelta delta) {
        deltas++;
        lastDeltaId = delta.getLastUpdateId();
        updates.merge(book.applyDelta(delta), 1, Integer::sum);
      } else if (event instanceof Rejection rejection) {
        rejected++;
        rejections.merge(rejection.reason(), 1, Integer::sum);
        if (rejection.raw().contains("@bookTicker")) {
          quoteRejections++;
        }
      }
    }
  }
}
