package dev.tradingsystem.coordinator.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.money.Instruments;
import org.junit.jupiter.api.Test;

class MarketAndDeskWatchTest {

  private static FeatureVector features(long seq, int timeframeSec, double price) {
    return FeatureVector.newBuilder()
        .setMeta(Meta.newBuilder().setSeq(seq).setEventTimeUs(seq * 1_000_000))
        .setInstrument(Instruments.BITSTAMP_BTC_USD)
        .setTimeframeSec(timeframeSec)
        .setPrice(price)
        .build();
  }

  @Test
  void keepsTheNewestFeaturesPerSymbolAndTimeframe() {
    MarketWatch market = new MarketWatch();
    market.observe(features(2, 60, 801));
    market.observe(features(3, 0, 802));
    market.observe(features(1, 0, 799));

    assertThat(market.latest("BTC/USD", 0)).map(FeatureVector::getPrice).contains(802.0);
    assertThat(market.latest("BTC/USD", 60)).map(FeatureVector::getPrice).contains(801.0);
    assertThat(market.latest("BTC/USD", 300)).isEmpty();
    assertThat(market.timeframes("BTC/USD")).containsExactly(0, 60);
    assertThat(market.freshest("BTC/USD")).map(FeatureVector::getTimeframeSec).contains(0);
    assertThat(market.symbols()).containsExactly("BTC/USD");
    assertThat(market.latest("ETH/USD", 0)).isEmpty();
  }

  @Test
  void keepsTheLatestPortfolioAndStatusAndABoundedAlertHistory() {
    DeskWatch desk = new DeskWatch(2);
    desk.portfolio(PortfolioState.newBuilder().setMeta(Meta.newBuilder().setSeq(5)).setCashMicros(5).build());
    desk.portfolio(PortfolioState.newBuilder().setMeta(Meta.newBuilder().setSeq(4)).setCashMicros(4).build());
    desk.status(TradingStatus.newBuilder().setState(TradingState.HALTED).setChangedAtUs(10).build());
    desk.status(TradingStatus.newBuilder().setState(TradingState.ACTIVE).setChangedAtUs(9).build());
    for (String code : new String[] {"A", "B", "C"}) {
      desk.alert(RiskAlert.newBuilder().setCode(code).setSeverity(AlertSeverity.WARNING).build());
    }

    assertThat(desk.portfolio()).map(PortfolioState::getCashMicros).contains(5L);
    assertThat(desk.status()).map(TradingStatus::getState).contains(TradingState.HALTED);
    assertThat(desk.recentAlerts()).extracting(RiskAlert::getCode).containsExactly("C", "B");
    assertThat(desk.alertsSeen()).isEqualTo(3);
  }
}
