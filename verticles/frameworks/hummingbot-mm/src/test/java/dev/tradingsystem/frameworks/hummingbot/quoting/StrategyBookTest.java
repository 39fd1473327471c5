package dev.tradingsystem.frameworks.hummingbot.quoting;

import static dev.tradingsystem.frameworks.hummingbot.Fixtures.ONE_BTC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.hummingbot.Fixtures;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StrategyAllocation;
import org.junit.jupiter.api.Test;

class StrategyBookTest {

  private static final String ME = AvellanedaStoikovMaker.ID;

  @Test
  void onlyThisStrategysInventoryQuotesAndCapitalCount() {
    PortfolioState state = Fixtures.state(3).toBuilder()
        .addPositions(Fixtures.position(ME, ONE_BTC / 10))
        .addPositions(Fixtures.position("freqtrade-hft.momentum", 2 * ONE_BTC))
        .addOpenOrders(Fixtures.quote("o-1", ME, Side.BUY, 99_000))
        .addOpenOrders(Fixtures.quote("o-2", ME, Side.SELL, 101_000).toBuilder().setStatus(OrderStatus.FILLED))
        .addOpenOrders(Fixtures.quote("o-3", "freqtrade-hft.momentum", Side.SELL, 101_000))
        .addAllocations(StrategyAllocation.newBuilder().setStrategyId(ME).setCapitalMicros(5_000_000_000L))
        .addAllocations(StrategyAllocation.newBuilder().setStrategyId("freqtrade-hft.momentum").setCapitalMicros(1))
        .build();

    StrategyBook book = StrategyBook.of(state, ME, "BTC/USD");

    assertThat(book.position()).isEqualTo(ONE_BTC / 10);
    assertThat(book.working()).extracting(Order::getOrderId).containsExactly("o-1");
    assertThat(book.workingOn(Side.SELL)).isEmpty();
    assertThat(book.capitalMicros()).isEqualTo(5_000_000_000L);
    assertThat(book.quoteBalanceMicros()).isEqualTo(5_000_000_000L);
  }

  @Test
  void theQuoteBalanceIsCapitalPlusRealisedLessFeesAndTheCostOfThePosition() {
    PortfolioState state = Fixtures.state(3).toBuilder()
        .addPositions(Fixtures.position(ME, ONE_BTC / 2).toBuilder().setCostMicros(500_000_000L)
            .setRealizedPnlMicros(20_000_000L).setFeesMicros(1_500_000L))
        .addAllocations(StrategyAllocation.newBuilder().setStrategyId("*").setCapitalMicros(10_000_000_000L))
        .build();

    StrategyBook book = StrategyBook.of(state, ME, "BTC/USD");

    assertThat(book.capitalMicros()).as("the portfolio's default entry").isEqualTo(10_000_000_000L);
    assertThat(book.quoteBalanceMicros()).isEqualTo(10_000_000_000L + 20_000_000L - 1_500_000L - 500_000_000L);
  }
}
