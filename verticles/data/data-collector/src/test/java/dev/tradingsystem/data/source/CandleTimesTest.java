package dev.tradingsystem.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The time spellings candle vendors use, and the intervals their file names state. */
class CandleTimesTest {

  /** 2021-12-31 23:01:00 UTC, the first bar of the NautilusTrader test file. */
  private static final long BAR = 1_640_991_660_000_000L;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # time column                          ; microseconds since the epoch
      1640991660                             ; 1640991660000000
      1640991660.5                           ; 1640991660500000
      1640991660000                          ; 1640991660000000
      1640991660000000                       ; 1640991660000000
      1640991660000000000                    ; 1640991660000000
      2021-12-31 23:01:00.000000             ; 1640991660000000
      2021-12-31T23:01:00Z                   ; 1640991660000000
      2021-12-31T23:01:00                    ; 1640991660000000
      2021-12-31 23:01                       ; 1640991660000000
      2021-12-31T23:01:00.123Z               ; 1640991660123000
      2021-12-31T23:01:00.123456789Z         ; 1640991660123456
      2021-12-31 23:01:00,5                  ; 1640991660500000
      2021-12-31 23:01:00+00:00              ; 1640991660000000
      2021-12-31T23:01:00.000000+0000        ; 1640991660000000
      2021-12-31 23:01:00 UTC                ; 1640991660000000
      2022-01-01T01:01:00+02:00              ; 1640991660000000
      2022-01-01T01:01:00+02                 ; 1640991660000000
      2021-12-31T18:01:00-05:00              ; 1640991660000000
      2021-12-31                             ; 1640908800000000
      2019-10-17 09-AM                       ; 1571302800000000
      2019-10-17 09-PM                       ; 1571346000000000
      2019-10-17 12-AM                       ; 1571270400000000
      2019-10-17 12-PM                       ; 1571313600000000
      """)
  void readsEpochUnitsIsoVariantsAndVendorStamps(String text, long micros) throws Refusal {
    assertThat(CandleTimes.parseMicros(text)).isEqualTo(micros);
  }

  @ParameterizedTest(name = "{0} is the same instant in UTC")
  @CsvSource({"2021-12-31 23:01:00", "2021-12-31T23:01:00", "2021-12-31 23:01:00Z"})
  void noZoneMeansUtc(String text) throws Refusal {
    assertThat(CandleTimes.parseMicros(text)).isEqualTo(BAR);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(delimiter = ';', textBlock = """
      2021-13-01 00:00:00          ; unparseable
      2021-12-31 24:00:00          ; unparseable
      2021-12-31 23:01:00+25:00    ; unparseable
      2019-10-17 13-PM             ; unparseable
      31/12/2021 23:01             ; unparseable
      yesterday                    ; unparseable
      NaN                          ; not_finite
      0                            ; invalid_timestamp
      -1640991660                  ; invalid_timestamp
      1969-12-31 23:59:59          ; invalid_timestamp
      """)
  void refusesWhatItCannotRead(String text, String reason) {
    assertThatThrownBy(() -> CandleTimes.parseMicros(text))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason().code()).isEqualTo(reason));
  }

  @ParameterizedTest(name = "{0} -> {1} s")
  @CsvSource(delimiter = ';', textBlock = """
      btc-perp-20211231-20220201_1m.csv      ; 60
      Coinbase_BTCUSD_1h.csv                 ; 3600
      BTCUSDT-5m-2024-08.csv                 ; 300
      eth_usd.4h.csv.gz                      ; 14400
      BTC-USD-1d.csv                         ; 86400
      AAPL-PT1D-20130102_20131231.csv        ; 86400
      Binance-ETH-USD-PT5M-20230313.csv      ; 300
      Coinbase-BTC-USD-PT4H-20160518.csv     ; 14400
      SPX-P1W-1950.csv                       ; 604800
      ohlcv.csv                              ; 0
      BTC_USDT-20240101.csv                  ; 0
      trades-1m2.csv                         ; 0
      """)
  void readsTheIntervalAFileNameStates(String fileName, int seconds) {
    assertThat(CandleTimes.intervalFromFileName(fileName).orElse(0)).isEqualTo(seconds);
  }
}
