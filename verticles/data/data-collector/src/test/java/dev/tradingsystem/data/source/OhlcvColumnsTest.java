package dev.tradingsystem.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Candle headers as vendors write them: which column is read for what. */
class OhlcvColumnsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
      # header                                                                       ; base ; time,open,high,low,close,volume,symbol
      timestamp,open,high,low,close,volume                                            ; -    ; 0,1,2,3,4,5,-1
      Timestamp,Open,High,Low,Close,Volume                                            ; -    ; 0,1,2,3,4,5,-1
      "time","open","high","low","close","volume"                                     ; -    ; 0,1,2,3,4,5,-1
      date,open,high,low,close,volume                                                 ; -    ; 0,1,2,3,4,5,-1
      Datetime,Open,High,Low,Close,Adj Close,Volume                                   ; -    ; 0,1,2,3,4,6,-1
      open_time,open,high,low,close,volume                                            ; -    ; 0,1,2,3,4,5,-1
      ts,o,h,l,c,v                                                                    ; -    ; 0,1,2,3,4,5,-1
      t,ts,o,h,l,c,vol                                                                ; -    ; 1,2,3,4,5,6,-1
      ,open,high,low,close,volume,datetime                                            ; -    ; 6,1,2,3,4,5,-1
      time,open,high,low,close,Volume,VWMA,RSI                                        ; -    ; 0,1,2,3,4,5,-1
      date,symbol,open,high,low,close,volume_btc,volume                               ; BTC  ; 0,2,3,4,5,6,1
      date,symbol,open,high,low,close,volume_btc,volume                               ; -    ; 0,2,3,4,5,7,1
      unix,date,symbol,open,high,low,close,Volume BTC,Volume USD                      ; BTC  ; 1,3,4,5,6,7,2
      Timestamp,Open,High,Low,Close,Volume_(BTC),Volume_(Currency),Weighted_Price     ; BTC  ; 0,1,2,3,4,5,-1
      \uFEFFtimestamp,open,high,low,close,volume                                      ; -    ; 0,1,2,3,4,5,-1
      """)
  void findsColumnsByNameOrAlias(String header, String base, String expected) {
    OhlcvColumns c = OhlcvColumns.fromHeader(header.replace("\\uFEFF", "\uFEFF"), base);

    assertThat(c.time() + "," + c.open() + "," + c.high() + "," + c.low() + "," + c.close() + "," + c.volume()
        + "," + c.symbol()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      timestamp,open,high,low,close                   ; no volume column
      Timestamp,Open,High,Low,Close,Volume_(BTC)      ; no volume column
      open,high,low,close,volume                      ; no time column
      timestamp,open,high,low,price,volume            ; no close column
      """)
  void aMissingColumnIsNamed(String header, String message) {
    assertThatThrownBy(() -> OhlcvColumns.fromHeader(header, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', textBlock = """
      timestamp,open,high,low,close,volume                                  ; true
      date,open,high,low,close                                              ; true
      timestamp,price,amount                                                ; false
      id,price,qty,quote_qty,time,is_buyer_maker                            ; false
      Timestamps are UTC timezone,https://www.CryptoDataDownload.com        ; false
      2021-12-31 23:01:00.000000,46319.0,46385.0,46319.0,46377.0,2300413.7  ; false
      """)
  void aHeaderNamesTimeAndAllFourPrices(String line, boolean header) {
    assertThat(OhlcvColumns.isHeader(line)).isEqualTo(header);
  }
}
