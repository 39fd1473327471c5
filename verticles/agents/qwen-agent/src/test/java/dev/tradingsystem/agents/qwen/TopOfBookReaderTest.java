package dev.tradingsystem.agents.qwen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.agents.runtime.Rejection;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quote;
import org.junit.jupiter.api.Test;

class TopOfBookReaderTest {

  /** Binance-like BTC/USDT: cents and satoshis (price scale 2, size scale 8). */
  static final Instrument BINANCE = Instrument.newBuilder().setSymbol("BTC/USDT").setVenue("Binance")
      .setPriceScale(2).setSizeScale(8).build();
  static final long T = DislocationScannerTest.T;

  private final TopOfBookReader reader = new TopOfBookReader();

  static BookLevel level(long price, long size) {
    return BookLevel.newBuilder().setPrice(price).setSize(size).build();
  }

  static BookSnapshot snapshot(Instrument instrument, long timeUs) {
    return BookSnapshot.newBuilder().setMeta(Meta.newBuilder().setEventTimeUs(timeUs)).setInstrument(instrument)
        .addBids(level(5_000_000, 100_000_000)).addBids(level(4_999_900, 200_000_000))
        .addAsks(level(5_000_100, 50_000_000)).addAsks(level(5_000_200, 300_000_000))
        .build();
  }

  static BookDelta.Builder delta(long timeUs) {
    return BookDelta.newBuilder().setMeta(Meta.newBuilder().setEventTimeUs(timeUs)).setInstrument(BINANCE);
  }

  @Test
  void aQuoteIsReadAtItsInstrumentsScalesUnderALowerCaseVenue() {
    Quote quote = Quote.newBuilder().setMeta(Meta.newBuilder().setEventTimeUs(T)).setInstrument(BINANCE)
        .setBidPrice(5_000_000).setBidSize(150_000_000).setAskPrice(5_000_100).setAskSize(25_000_000).build();
    assertThat(reader.onQuote(quote).top()).hasValue(
        new VenueQuote("binance", "BTC/USDT", 50_000.00, 1.5, 50_001.00, 0.25, T));
  }

  @Test
  void snapshotsAndDeltasKeepTheTopOfBook() {
    assertThat(reader.onSnapshot(snapshot(BINANCE, T)).top()).hasValueSatisfying(q -> {
      assertThat(q.bid()).isEqualTo(50_000.00);
      assertThat(q.ask()).isEqualTo(50_001.00);
      assertThat(q.askSize()).isEqualTo(0.5);
    });
    // The best bid leaves (size 0); the next level is the top, and a better ask arrives.
    TopOfBookReader.Reading reading = reader.onDelta(delta(T + 1).addBids(level(5_000_000, 0))
        .addAsks(level(5_000_050, 10_000_000)).build());
    assertThat(reading.rejection()).isEmpty();
    assertThat(reading.top()).hasValueSatisfying(q -> {
      assertThat(q.bid()).isEqualTo(49_999.00);
      assertThat(q.bidSize()).isEqualTo(2.0);
      assertThat(q.ask()).isEqualTo(50_000.50);
      assertThat(q.eventTimeUs()).isEqualTo(T + 1);
    });
  }

  @Test
  void aDeltaBeforeAnySnapshotWaitsForOne() {
    TopOfBookReader.Reading reading = reader.onDelta(delta(T).addBids(level(5_000_000, 1)).build());
    assertThat(reading.top()).isEmpty();
    assertThat(reading.rejection()).isEmpty();
    assertThat(reader.unsyncedDeltas()).isEqualTo(1);
  }

  @Test
  void aDeltaThatCrossesTheBookIsRejectedAndDropsTheBookUntilTheNextSnapshot() {
    reader.onSnapshot(snapshot(BINANCE, T));
    assertThat(reader.onDelta(delta(T + 1).addBids(level(5_000_200, 1)).build()).rejection())
        .map(Rejection::reason).hasValue("crossed_book");
    assertThat(reader.onDelta(delta(T + 2).addBids(level(4_000_000, 1)).build()).top()).isEmpty();
    assertThat(reader.unsyncedDeltas()).isEqualTo(1);
    assertThat(reader.onSnapshot(snapshot(BINANCE, T + 3)).top()).isPresent();
  }

  @Test
  void badLevelsAndInstrumentsAreRejected() {
    reader.onSnapshot(snapshot(BINANCE, T));
    assertThat(reader.onDelta(delta(T + 1).addAsks(level(5_000_300, -5)).build()).rejection())
        .map(Rejection::reason).hasValue("invalid_level");
    assertThat(reader.onSnapshot(snapshot(BINANCE, T + 2).toBuilder().addBids(level(0, 1)).build()).rejection())
        .map(Rejection::reason).hasValue("invalid_level");
    assertThat(reader.onSnapshot(snapshot(BINANCE.toBuilder().setVenue("").build(), T)).rejection())
        .map(Rejection::reason).hasValue("missing_venue");
    assertThat(reader.onSnapshot(snapshot(BINANCE.toBuilder().setSymbol("btcusdt").build(), T)).rejection())
        .map(Rejection::reason).hasValue("invalid_symbol");
    assertThat(reader.onQuote(Quote.newBuilder().setInstrument(BINANCE.toBuilder().setPriceScale(40)).build())
        .rejection()).map(Rejection::reason).hasValue("invalid_scale");
  }
}
