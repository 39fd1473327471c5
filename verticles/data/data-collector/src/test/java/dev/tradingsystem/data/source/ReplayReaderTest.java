package dev.tradingsystem.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.data.source.RowOutcome.AcceptedTrade;
import dev.tradingsystem.data.source.RowOutcome.RejectedRow;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.Instruments;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayReaderTest {

  @Test
  void readsTheBundledBitstampTradesInBatches() throws IOException {
    try (ReplayReader reader = ReplayReader.open("classpath:bitstamp_trades_from_20131125_usd.csv",
        Instruments.BITSTAMP_BTC_USD, 0.5)) {
      ReplayBatch first = reader.read(5_000);

      assertThat(reader.totalRows()).isEqualTo(100_000);
      assertThat(first.rows()).hasSize(5_000);
      assertThat(first.endOfData()).isFalse();
      assertThat(first.rows().get(0)).isEqualTo(new AcceptedTrade(2, 1_385_337_600_000_000L, 80_001L,
          10_000_000L, Side.SIDE_UNSPECIFIED, "bitstamp-2"));
    }
  }

  @Test
  void readsAVendorFileWithSideSymbolAndMicrosecondTimes() throws IOException {
    Path bitmex = SharedDataLocator.require("data/orderbook/nautilus_lgpl3_tardis_samples/bitmex_trades_XBTUSD.csv");
    Instrument xbt = Instrument.newBuilder().setSymbol("XBT/USD").setVenue("bitmex")
        .setPriceScale(1).setSizeScale(0).build();

    try (ReplayReader reader = ReplayReader.open(bitmex.toString(), xbt, 0.5)) {
      ReplayBatch batch = reader.read(100);

      assertThat(batch.endOfData()).isTrue();
      assertThat(batch.rows()).hasSize(10).allMatch(row -> row instanceof AcceptedTrade);
      assertThat(batch.rows().get(0)).isEqualTo(new AcceptedTrade(2, 1_583_020_803_145_000L, 85_315L, 2152L,
          Side.SELL, "ccc3c1fa-212c-e8b0-1706-9b9c4f3d5ecf"));
    }
  }

  @Test
  void skipsBlankLinesAndKeepsPhysicalLineNumbers(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("trades.csv");
    Files.writeString(file, "timestamp,price,amount\n1385337600,800.00,1\n\n1385337601,NaN,1\n1385337602,801.00,1\n\n");

    try (ReplayReader reader = ReplayReader.open(file.toString(), Instruments.BITSTAMP_BTC_USD, 0.5)) {
      List<RowOutcome> rows = new ArrayList<>();
      ReplayBatch batch;
      do {
        batch = reader.read(2);
        rows.addAll(batch.rows());
      } while (!batch.endOfData());

      assertThat(reader.totalRows()).isEqualTo(3);
      assertThat(rows).extracting(RowOutcome::line).containsExactly(2L, 4L, 5L);
      assertThat(rows.get(1)).isInstanceOf(RejectedRow.class);
    }
  }

  @Test
  void failsOnAMissingFileOrHeader(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> ReplayReader.open(dir.resolve("none.csv").toString(), Instruments.BITSTAMP_BTC_USD, 0.5))
        .isInstanceOf(FileNotFoundException.class);
    Path noHeader = Files.writeString(dir.resolve("bad.csv"), "a,b,c\n1,2,3\n");
    assertThatThrownBy(() -> ReplayReader.open(noHeader.toString(), Instruments.BITSTAMP_BTC_USD, 0.5))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("timestamp");
  }
}
