package dev.tradingsystem.portfolio;

import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.portfolio.exchange.FeeSchedule;
import dev.tradingsystem.portfolio.exchange.PaperExchangeConfig;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigLoader;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioConfigTest {

  private static PortfolioConfig read(JsonObject tree, List<String> overrides, Map<String, String> env) {
    return PortfolioConfig.from(ConfigReader.of(ConfigLoader.merge(tree, overrides, env)));
  }

  @Test
  void defaults() {
    PortfolioConfig config = read(new JsonObject(), List.of(), Map.of());

    assertThat(config.clockMode()).isEqualTo("event");
    assertThat(config.exchange()).isEqualTo(PaperExchangeConfig.defaults());
    assertThat(config.initialCapitalMicros()).isEqualTo(usd("100000"));
    assertThat(config.defaultAllocation()).isEqualTo(0.25);
    assertThat(config.maxLeverage()).isEqualTo(1.0);
    assertThat(config.allocations()).isEmpty();
    assertThat(config.symbols()).containsExactly("BTC/USD");
  }

  @Test
  void allocationsMayBeFlatOrNestedAsSetWritesThem() {
    JsonObject tree = new JsonObject().put("portfolio", new JsonObject()
        .put("allocations", new JsonObject().put("freqtrade-hft.momentum", 0.4)));

    PortfolioConfig config = read(tree, List.of("portfolio.allocations.hummingbot-mm.as-mm=0.3"), Map.of());

    assertThat(config.allocations()).containsOnly(
        Map.entry("freqtrade-hft.momentum", 0.4), Map.entry("hummingbot-mm.as-mm", 0.3));
  }

  @Test
  void theEnvironmentOverridesOneAllocationOrBringsTheWholeMap() {
    JsonObject tree = new JsonObject().put("portfolio", new JsonObject()
        .put("allocations", new JsonObject().put("freqtrade-hft.momentum", 0.4)));

    PortfolioConfig one = read(tree, List.of(), Map.of(
        "TRADING_PORTFOLIO_ALLOCATIONS_FREQTRADE_HFT_MOMENTUM", "0.2", "TRADING_EXCHANGE_TAKER_FEE_BPS", "7.5"));
    PortfolioConfig whole = read(new JsonObject(), List.of(),
        Map.of("TRADING_PORTFOLIO_ALLOCATIONS", "{\"hummingbot-mm.as-mm\": 0.1}"));

    assertThat(one.allocations()).containsOnly(Map.entry("freqtrade-hft.momentum", 0.2));
    assertThat(one.exchange().takerFeeBps()).isEqualTo(7.5);
    assertThat(whole.allocations()).containsOnly(Map.entry("hummingbot-mm.as-mm", 0.1));
  }

  @Test
  void latencyQueueAndFeesPerVenueOrInstrument() {
    JsonObject tree = new JsonObject().put("exchange", new JsonObject()
        .put("submitLatencyUs", 2_000)
        .put("fees", new JsonObject().put("binance", new JsonObject().put("makerBps", 1).put("takerBps", 1))));

    PortfolioConfig config = read(tree, List.of("exchange.cancelLatencyUs=500", "exchange.queuePower=3",
        "exchange.fees.binance:BTC/USDT.takerBps=0.5"), Map.of());

    PaperExchangeConfig exchange = config.exchange();
    assertThat(exchange.submitLatencyUs()).isEqualTo(2_000);
    assertThat(exchange.cancelLatencyUs()).isEqualTo(500);
    assertThat(exchange.queuePower()).isEqualTo(3.0);
    Instrument binanceBtc = Instrument.newBuilder().setVenue("binance").setSymbol("BTC/USDT").build();
    Instrument binanceEth = Instrument.newBuilder().setVenue("binance").setSymbol("ETH/USDT").build();
    assertThat(exchange.fees().ratesFor(binanceBtc)).isEqualTo(new FeeSchedule.Rates(5, 0.5));
    assertThat(exchange.fees().ratesFor(binanceEth)).isEqualTo(new FeeSchedule.Rates(1, 1));
  }

  @Test
  void badValuesFailNamingTheirKey() {
    assertThatThrownBy(() -> read(new JsonObject(), List.of("exchange.submitLatencyUs=-5"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exchange.submitLatencyUs");
    assertThatThrownBy(() -> read(new JsonObject(), List.of("exchange.queuePower=0"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exchange.queuePower");
    assertThatThrownBy(() -> read(new JsonObject(), List.of("exchange.fees.binance.makerBps=cheap"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exchange.fees.binance.makerBps");
    assertThatThrownBy(() -> read(new JsonObject(), List.of("exchange.fees.binance.rebateBps=1"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exchange.fees.binance.rebateBps");
    assertThatThrownBy(() -> read(new JsonObject(), List.of("exchange.halfSpreadBps=-1"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exchange.halfSpreadBps");
    assertThatThrownBy(() -> read(new JsonObject(), List.of("clock.mode=sometimes"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("clock.mode");
    assertThatThrownBy(() -> read(new JsonObject(), List.of("portfolio.initialCapital=lots"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("portfolio.initialCapital");
    assertThatThrownBy(() -> read(new JsonObject(), List.of("portfolio.allocations.a=0.7", "portfolio.allocations.b=0.6"),
        Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("portfolio.allocations");
    assertThatThrownBy(() -> read(new JsonObject(), List.of("portfolio.allocations.a=half"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("portfolio.allocations.a");
    assertThatThrownBy(() -> read(new JsonObject(), List.of("exchange.symbols=btcusd"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exchange.symbols");
  }
}
