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

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      Coinbase_BTCUSD_1h.csv,                BTC/USD
      BTC_USDT_1h.csv,                       BTC/USDT
      BTC-USD-1d.csv.gz,                     BTC/USD
      Binance-ETH-USD-PT5M-20230313.csv,     ETH/USD
      eth_btc_4h.csv,                        ETH/BTC
      open_BTC_USDT_1m.csv,                  BTC/USDT
      kaggle_btcusdt_minute.csv,             BTC/USDT
      BTCUSDT-1m-2024-08-09.csv,             BTC/USDT
      btc-perp-20211231-20220201_1m.csv,
      AAPL-PT1D-20130102_20131231.csv,
      ohlcv.csv,
      """)
  void readsTheSymbolFromFreeFormCandleFileNames(String fileName, String ccxt) {
    assertThat(SymbolNames.fromLooseFileName(fileName)).isEqualTo(Optional.ofNullable(ccxt));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      BTC/USD,    BTC/USD
      BTC-USD,    BTC/USD
      btc_usdt,   BTC/USDT
      BTCUSD,     BTC/USD
      ETH:BTC,    ETH/BTC
      XBT,
      """)
  void readsTheSymbolASymbolColumnSpells(String text, String ccxt) {
    assertThat(SymbolNames.fromAnySpelling(text)).isEqualTo(Optional.ofNullable(ccxt));
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
