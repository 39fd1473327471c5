package dev.tradingsystem.coordinator.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.money.Instruments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureCheckTest {

  @ParameterizedTest(name = "{0} at {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      BTC/USD  | 800.0     | ok
      ETH/USDT | 0.5       | ok
      btc/usd  | 800.0     | unknown-symbol
      BTCUSD   | 800.0     | unknown-symbol
      BTC/USD  | NaN       | nan-price
      BTC/USD  | Infinity  | nan-price
      BTC/USD  | 0         | non-positive-price
      BTC/USD  | -1        | non-positive-price
      """)
  void reasons(String symbol, double price, String expected) {
    FeatureVector features = FeatureVector.newBuilder()
        .setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setSymbol(symbol))
        .setPrice(price)
        .build();

    assertThat(FeatureCheck.problem(features).orElse("ok")).isEqualTo(expected);
  }

  @Test
  void featuresWithoutAnInstrumentHaveNoKnownSymbol() {
    assertThat(FeatureCheck.problem(FeatureVector.newBuilder().setPrice(800).build())).contains("unknown-symbol");
  }
}
