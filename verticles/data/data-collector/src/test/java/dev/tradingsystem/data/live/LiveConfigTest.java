package dev.tradingsystem.data.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveConfigTest {

  @Test
  void defaultsPointAtTheRealVenues() {
    LiveConfig config = LiveConfig.from(ConfigReader.of(TestConfig.of()));
    assertThat(config.venues()).containsExactly("binance");
    assertThat(config.stalenessMs()).isEqualTo(LiveConfig.DEFAULT_STALENESS_MS);
    assertThat(config.binance().wsUrl()).isEqualTo("wss://stream.binance.com:9443");
    assertThat(config.binance().restUrl()).isEqualTo("https://api.binance.com");
    assertThat(config.binance().symbols()).containsExactly("BTC/USDT");
    assertThat(config.binance().weightPerMinute()).isEqualTo(6000);
    assertThat(config.coinbase().wsUrl()).isEqualTo("wss://advanced-trade-ws.coinbase.com");
    assertThat(config.coinbase().instrument("BTC/USD").getVenue()).isEqualTo("coinbase");
  }

  @Test
  void urlsAndSymbolsAreConfigurable() {
    LiveConfig config = LiveConfig.from(ConfigReader.of(TestConfig.of(
        "live.venues", "binance,coinbase", "live.binance.wsUrl", "ws://127.0.0.1:1234/",
        "live.binance.symbols", "BTC/USDT,ETH/USDT", "live.coinbase.wsUrl", "ws://127.0.0.1:99")));
    assertThat(config.venues()).containsExactly("binance", "coinbase");
    assertThat(config.binance().wsUrl()).isEqualTo("ws://127.0.0.1:1234");
    assertThat(config.binance().symbols()).containsExactly("BTC/USDT", "ETH/USDT");
    assertThat(config.coinbase().wsUrl()).isEqualTo("ws://127.0.0.1:99");
  }

  @ParameterizedTest(name = "{0}={1} fails naming {0}")
  @CsvSource({
      "live.venues,             kraken",
      "live.stalenessMs,        0",
      "live.binance.symbols,    btcusdt",
      "live.binance.depthLimit, 6000",
      "live.reconnect.capMs,    10",
  })
  void badValuesFailNamingTheKey(String key, String value) {
    assertThatThrownBy(() -> LiveConfig.from(ConfigReader.of(TestConfig.of(key, value))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key);
  }
}
