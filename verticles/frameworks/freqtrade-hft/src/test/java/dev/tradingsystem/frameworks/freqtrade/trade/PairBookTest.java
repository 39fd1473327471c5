package dev.tradingsystem.frameworks.freqtrade.trade;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.BTC_USD;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.ONE_BTC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.Fixtures;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import org.junit.jupiter.api.Test;

class PairBookTest {

  private static final String ME = "freqtrade-hft.momentum";

  @Test
  void onlyThisStrategysPositionAndWorkingOrdersOnThisPairCount() {
    PortfolioState state = Fixtures.holding(7, ME, ONE_BTC / 2, 406_170_000L)
        .addPositions(Position.newBuilder().setStrategyId("hummingbot-mm.as-mm").setInstrument(BTC_USD)
            .setQuantity(3 * ONE_BTC))
        .addPositions(Position.newBuilder().setStrategyId(ME)
            .setInstrument(BTC_USD.toBuilder().setSymbol("ETH/USD")).setQuantity(ONE_BTC))
        .addOpenOrders(Fixtures.working("o-a", ME, Side.SELL, 90_000, ONE_BTC / 2, 0))
        .addOpenOrders(Fixtures.working("o-b", "hummingbot-mm.as-mm", Side.BUY, 80_000, ONE_BTC, 0))
        .addOpenOrders(Fixtures.working("o-c", ME, Side.BUY, 80_000, ONE_BTC, 0).toBuilder()
            .setStatus(OrderStatus.CANCELLED))
        .build();

    PairBook book = PairBook.of(state, ME, "BTC/USD");

    assertThat(book.quantity()).isEqualTo(ONE_BTC / 2);
    assertThat(book.working()).extracting(Order::getOrderId).containsExactly("o-a");
    assertThat(book.workingOn(Side.BUY)).isEmpty();
    assertThat(book.entryPrice(8)).isEqualByComparingTo("812.34");
  }

  @Test
  void emptySnapshotIsFlat() {
    assertThat(PairBook.of(Fixtures.state(1), ME, "BTC/USD").isFlat()).isTrue();
  }
}
