package dev.tradingsystem.frameworks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.runtime.testing.PipelineMessages;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.Instruments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which part of a snapshot belongs to a strategy on a pair, and which of its orders still work. */
class PortfolioSliceTest {

  private static final String ME = "test-fw.s";
  private static final String OTHER = "other-fw.s";

  @ParameterizedTest(name = "{0} -> working {1}")
  @CsvSource({
      "ACCEPTED, true",
      "PARTIALLY_FILLED, true",
      "ORDER_STATUS_UNSPECIFIED, true",
      "FILLED, false",
      "CANCELLED, false",
      "REJECTED, false",
      "EXPIRED, false"})
  void onlyOrdersThatCanStillFillAreWorking(OrderStatus status, boolean working) {
    assertThat(PortfolioSlice.isWorking(status)).isEqualTo(working);
  }

  @Test
  void onlyThisStrategysPositionsAndWorkingOrdersOnThisPairBelongToIt() {
    PortfolioState state = PipelineMessages.state(3, 1).toBuilder()
        .addPositions(position(ME, "BTC/USD", 5))
        .addPositions(position(OTHER, "BTC/USD", 7))
        .addPositions(position(ME, "ETH/USD", 11))
        .addPositions(position(ME, "BTC/USD", -2))
        .addOpenOrders(order("o-1", ME, "BTC/USD", Side.BUY, OrderStatus.ACCEPTED))
        .addOpenOrders(order("o-2", OTHER, "BTC/USD", Side.BUY, OrderStatus.ACCEPTED))
        .addOpenOrders(order("o-3", ME, "ETH/USD", Side.SELL, OrderStatus.ACCEPTED))
        .addOpenOrders(order("o-4", ME, "BTC/USD", Side.SELL, OrderStatus.CANCELLED))
        .addOpenOrders(order("o-5", ME, "BTC/USD", Side.SELL, OrderStatus.PARTIALLY_FILLED))
        .build();

    assertThat(PortfolioSlice.positions(state, ME, "BTC/USD")).extracting(Position::getQuantity).containsExactly(5L, -2L);
    assertThat(PortfolioSlice.workingOrders(state, ME, "BTC/USD")).extracting(Order::getOrderId)
        .containsExactly("o-1", "o-5");
    assertThat(PortfolioSlice.onSide(PortfolioSlice.workingOrders(state, ME, "BTC/USD"), Side.SELL))
        .extracting(Order::getOrderId).containsExactly("o-5");
  }

  private static Position position(String strategyId, String symbol, long quantity) {
    return Position.newBuilder().setStrategyId(strategyId)
        .setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setSymbol(symbol)).setQuantity(quantity).build();
  }

  private static Order order(String orderId, String strategyId, String symbol, Side side, OrderStatus status) {
    return Order.newBuilder().setOrderId(orderId).setStrategyId(strategyId)
        .setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setSymbol(symbol)).setSide(side).setStatus(status)
        .build();
  }
}
