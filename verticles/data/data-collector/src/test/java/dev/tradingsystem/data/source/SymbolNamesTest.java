package dev.tradingsystem.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymbolNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      ETHUSDT,   ETH/USDT
      BTCFDUSD,  BTC/FDUSD
      SOLUSDC,   SOL/USDC
      BNBBUSD,   BNB/BUSD
      ETHBTC,    ETH/BTC
      ADAETH,    ADA/ETH
      XRPBNB,    XRP/BNB
      BTCEUR,    BTC/EUR
      BTCTRY,    BTC/TRY
      btcusdt,   BTC/USDT
      USDT,
      FOOBAR,
      """)
  void splitsBinanceSymbolsAtTheirQuoteAsset(String binance, String ccxt) {
    assertThat(SymbolNames.fromBinance(binance)).isEqualTo(Optional.ofNullable(ccxt));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      ETHUSDT-trades-2024-08-09.csv,         ETH/USDT
      ETHUSDT-aggTrades-2024-08-09.zip,      ETH/USDT
      BTCUSDT-1m-2024-08-09.csv,             BTC/USDT
      BTCFDUSD-bookTicker-2024-08-09.csv,    BTC/FDUSD
      BTC_USDT-1m.json,                      BTC/USDT
      BTC_USDT_USDT-1h-futures.json,         BTC/USDT
      btcusdt_20240808.gz,                   BTC/USDT
      export.csv,
      """)
  void readsTheSymbolFromVenueFileNaming(String fileName, String ccxt) {
    assertThat(SymbolNames.fromFileName(fileName)).isEqualTo(Optional.ofNullable(ccxt));
  }

  @ParameterizedTest(name = "{0} = {1} s")
  @CsvSource(textBlock = """
      1s,  1
      1m,  60
      15m, 900
      4h,  14400
      1d,  86400
      1w,  604800
      """)
  void knowsTimeframes(String timeframe, int seconds) {
    assertThat(SymbolNames.timeframeSeconds(timeframe)).contains(seconds);
  }
}
