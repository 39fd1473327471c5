package dev.tradingsystem.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.data.source.SourceBatch.Rejection;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.Instruments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every replay format read from a small hand-written file in the venue's exact layout. */
class MarketSourcesTest {

  static final SourceSettings DETECT = SourceSettings.detect(Instruments.BITSTAMP_BTC_USD, 0.5);

  @TempDir
  Path dir;

  @Test
  void binanceTradesTellTheSymbolScalesAndAggressorAndRejectBadRows() throws IOException {
    List<Object> events = readAll("classpath:replay/ETHUSDT-trades-2024-08-09.csv", DETECT);
    List<Trade> trades = of(events, Trade.class);

    assertThat(trades).hasSize(3);
    Trade first = trades.get(0);
    assertThat(first.getInstrument().getSymbol()).isEqualTo("ETH/USDT");
    assertThat(first.getInstrument().getVenue()).isEqualTo("binance");
    assertThat(first.getInstrument().getPriceScale()).isEqualTo(8);
    assertThat(first.getInstrument().getSizeScale()).isEqualTo(8);
    assertThat(first.getPrice()).isEqualTo(261_234_000_000L);
    assertThat(first.getSize()).isEqualTo(5_000_000L);
    assertThat(first.getAggressor()).as("is_buyer_maker=True: the seller took liquidity").isEqualTo(Side.SELL);
    assertThat(first.getTradeId()).isEqualTo("1556712001");
    assertThat(first.getMeta().getEventTimeUs()).isEqualTo(1_723_161_600_012_000L);
    assertThat(trades.get(1).getAggressor()).isEqualTo(Side.BUY);
    assertThat(of(events, Rejection.class)).extracting(Rejection::reason).containsExactly(
        "duplicate", "not_finite", "non_positive_size", "absurd_price", "out_of_order", "field_count", "unknown_side");
    assertThat(of(events, Rejection.class).get(0).raw()).startsWith("line 3: 1556712002,");
    assertThat(of(events, Rejection.class)).allSatisfy(r -> assertThat(r.source()).isEqualTo("replay"));
  }

  @Test
  void binanceTradesIn2025CarryMicrosecondsAndAHeader() throws IOException {
    try (MarketDataSource source = MarketSources.open("classpath:replay/BTCUSDT-trades-2025-01-02.csv", DETECT)) {
      assertThat(source.format()).isEqualTo(ReplayFormat.BINANCE_TRADES);
      assertThat(source.totalHint()).as("the header is not a record").isEqualTo(2);
      SourceBatch batch = SourceBatch.pull(source, 100);
      List<Trade> trades = of(batch.events(), Trade.class);
      assertThat(trades).extracting(t -> t.getMeta().getEventTimeUs())
          .containsExactly(1_735_776_000_123_456L, 1_735_776_000_123_999L);
      assertThat(trades).extracting(Trade::getAggressor).containsExactly(Side.BUY, Side.SELL);
      assertThat(batch.more()).isFalse();
    }
  }

  @Test
  void aggTradesUseTheirOwnColumnsAndTheScalesTheFilePrints() throws IOException {
    List<Object> events = readAll("classpath:replay/BTCUSDT-aggTrades-2024-08-09.csv", DETECT);
    List<Trade> trades = of(events, Trade.class);

    assertThat(trades).hasSize(3);
    assertThat(trades.get(0).getInstrument().getPriceScale()).isEqualTo(2);
    assertThat(trades.get(0).getInstrument().getSizeScale()).isEqualTo(3);
    assertThat(trades).extracting(Trade::getPrice).containsExactly(6_101_210L, 6_101_220L, 6_101_210L);
    assertThat(trades).extracting(Trade::getSize).containsExactly(15L, 300L, 2L);
    assertThat(trades).extracting(Trade::getTradeId).containsExactly("2280001001", "2280001002", "2280001003");
    assertThat(trades.get(1).getMeta().getEventTimeUs()).isEqualTo(1_723_161_600_105_000L);
  }

  @Test
  void klinesBecomeCandlesClosingAtTheirCloseTime() throws IOException {
    List<Object> events = readAll("classpath:replay/BTCUSDT-1m-2024-08-09.csv", DETECT);
    List<Candle> candles = of(events, Candle.class);

    assertThat(candles).hasSize(3);
    assertThat(of(events, Trade.class)).as("no trades are invented from candles").isEmpty();
    Candle first = candles.get(0);
    assertThat(first.getIntervalSec()).isEqualTo(60);
    assertThat(first.getOpenTimeUs()).isEqualTo(1_723_161_600_000_000L);
    assertThat(first.getMeta().getEventTimeUs()).isEqualTo(1_723_161_659_999_000L);
    assertThat(first.getOpen()).isEqualTo(6_101_210_000_000L);
    assertThat(first.getVolume()).isEqualTo(1_234_500_000L);
    assertThat(first.getTradeCount()).isEqualTo(1520);
    assertThat(of(events, Rejection.class)).extracting(Rejection::reason)
        .containsExactly("duplicate", "inconsistent_candle");
  }

  @Test
  void bookTickerRowsBecomeQuotesAndCrossedOrRepeatedOnesAreRefused() throws IOException {
    List<Object> events = readAll("classpath:replay/BTCUSDT-bookTicker-2024-08-09.csv", DETECT);
    List<Quote> quotes = of(events, Quote.class);

    assertThat(quotes).extracting(Quote::getUpdateId).containsExactly(50_093_239_212L, 50_093_239_219L, 50_093_239_230L);
    assertThat(quotes.get(0).getBidPrice()).isEqualTo(6_183_763_000_000L);
    assertThat(quotes.get(0).getAskSize()).isEqualTo(154_698_000L);
    assertThat(quotes.get(0).getMeta().getEventTimeUs()).isEqualTo(1_723_161_255_342_000L);
    assertThat(of(events, Rejection.class)).extracting(Rejection::reason).containsExactly("duplicate", "crossed_quote");
  }

  @Test
  void freqtradeJsonCandlesTakeSymbolAndTimeframeFromTheFileName() throws IOException {
    List<Object> events = readAll("classpath:replay/BTC_USDT-1m.json", DETECT);
    List<Candle> candles = of(events, Candle.class);

    assertThat(candles).hasSize(4);
    assertThat(candles.get(0).getInstrument().getSymbol()).isEqualTo("BTC/USDT");
    assertThat(candles.get(0).getIntervalSec()).isEqualTo(60);
    assertThat(candles.get(0).getClose()).isEqualTo(6_105_000_000_000L);
    assertThat(candles.get(0).getVolume()).isEqualTo(1_234_500_000L);
    assertThat(candles.get(3).getOpenTimeUs()).isEqualTo(1_723_161_780_000_000L);
    assertThat(of(events, Rejection.class)).extracting(Rejection::reason).containsExactly("duplicate");
  }

  @Test
  void freqtradeJsonWithoutATimeframeInTheNameInfersIt() throws IOException {
    Path json = Files.writeString(dir.resolve("candles.json"),
        "[[1723161600000,10,11,9,10.5,1],[1723161900000,10.5,12,10,11,2]]");
    List<Candle> candles = of(readAll(json.toString(), DETECT.withSymbol("SOL/USDT")), Candle.class);
    assertThat(candles).extracting(Candle::getIntervalSec).containsOnly(300);
    assertThat(candles.get(0).getInstrument().getSymbol()).isEqualTo("SOL/USDT");
  }

  @Test
  void brokenFreqtradeJsonIsRejectedOnceAndEnds() throws IOException {
    Path json = Files.writeString(dir.resolve("BTC_USDT-5m.json"), "[[1723161600000,10,11,9,10.5,1],[17231619");
    List<Object> events = readAll(json.toString(), DETECT);
    assertThat(of(events, Candle.class)).hasSize(1);
    assertThat(of(events, Rejection.class)).extracting(Rejection::reason).containsExactly("unparseable");
  }

  @Test
  void aDownloadedZipIsReadInPlace() throws IOException {
    Path zip = dir.resolve("ETHUSDT-trades-2024-08-09.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("ETHUSDT-trades-2024-08-09.csv"));
      out.write("1556712001,2612.34000000,0.05000000,130.61700000,1723161600012,True,True\n".getBytes());
      out.closeEntry();
    }
    List<Trade> trades = of(readAll(zip.toString(), DETECT), Trade.class);
    assertThat(trades).singleElement().satisfies(t -> assertThat(t.getInstrument().getSymbol()).isEqualTo("ETH/USDT"));
  }

  @Test
  void configOverridesFormatSymbolAndScales() throws IOException {
    Path renamed = Files.copy(Path.of(resource("replay/ETHUSDT-trades-2024-08-09.csv")), dir.resolve("export.txt"));
    SourceSettings settings = DETECT.withFormat(ReplayFormat.BINANCE_TRADES).withSymbol("ETH/USDT").withScales(2, 6);
    List<Object> events = readAll(renamed.toString(), settings);
    List<Trade> trades = of(events, Trade.class);

    assertThat(trades.get(0).getInstrument().getPriceScale()).isEqualTo(2);
    assertThat(trades.get(0).getPrice()).isEqualTo(261_234L);
    assertThat(trades.get(0).getSize()).isEqualTo(50_000L);
  }

  @Test
  void aBinanceFileWithoutASymbolInItsNameNeedsOne() throws IOException {
    Path renamed = Files.copy(Path.of(resource("replay/ETHUSDT-trades-2024-08-09.csv")), dir.resolve("export.csv"));
    assertThatThrownBy(() -> MarketSources.open(renamed.toString(), DETECT))
        .isInstanceOf(IOException.class).hasMessageContaining("replay.symbol");
  }

  @Test
  void theBundledDataStaysAPlainCsvOfTheConfiguredInstrument() throws IOException {
    try (MarketDataSource source = MarketSources.open("classpath:bitstamp_trades_from_20131125_usd.csv", DETECT)) {
      assertThat(source.format()).isEqualTo(ReplayFormat.CSV);
      assertThat(source.instrument()).isEqualTo(Instruments.BITSTAMP_BTC_USD);
      assertThat(source.totalHint()).isEqualTo(100_000);
      List<Trade> trades = of(SourceBatch.pull(source, 10).events(), Trade.class);
      assertThat(trades).hasSize(10);
      assertThat(trades.get(0).getPrice()).isEqualTo(80_001L);
    }
  }

  @Test
  void aPlainCsvWithAnIdColumnRejectsARepeatedTrade() throws IOException {
    Path csv = Files.writeString(dir.resolve("trades.csv"),
        "id,timestamp,price,amount\n7,1385337600,800.01,0.1\n7,1385337600,800.01,0.1\n8,1385337601,800.02,0.1\n");
    List<Object> events = readAll(csv.toString(), DETECT);
    assertThat(of(events, Trade.class)).extracting(Trade::getTradeId).containsExactly("7", "8");
    assertThat(of(events, Rejection.class)).extracting(Rejection::reason).containsExactly("duplicate");
  }

  static List<Object> readAll(String location, SourceSettings settings) throws IOException {
    List<Object> events = new ArrayList<>();
    try (MarketDataSource source = MarketSources.open(location, settings)) {
      SourceBatch batch;
      do {
        batch = SourceBatch.pull(source, 2);
        events.addAll(batch.events());
      } while (batch.more());
    }
    return events;
  }

  static <T> List<T> of(List<Object> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static String resource(String name) {
    return MarketSourcesTest.class.getClassLoader().getResource(name).getPath();
  }
}
