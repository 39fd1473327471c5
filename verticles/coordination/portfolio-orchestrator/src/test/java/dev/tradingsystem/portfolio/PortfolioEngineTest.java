package dev.tradingsystem.portfolio;

import static dev.tradingsystem.portfolio.Fixtures.approved;
import static dev.tradingsystem.portfolio.Fixtures.cancel;
import static dev.tradingsystem.portfolio.Fixtures.intent;
import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.trade;
import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.portfolio.allocation.AllocationPolicy;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StrategyAllocation;
import dev.tradingsystem.proto.TimeInForce;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioEngineTest {

  private final PortfolioEngine engine = Fixtures.engine(Map.of("alpha", 0.5));

  private static ApprovedOrder marketBuy(String intentId, long seq, String quantity) {
    return approved(intent(intentId, intentId.substring(0, intentId.indexOf('-')), seq, Side.BUY, OrderType.MARKET,
        null, quantity));
  }

  @Test
  void acceptsAnApprovedOrderUnderADeterministicId() {
    engine.onTrade(trade(1, "1000.00", "1"));

    Order order = engine.place(marketBuy("alpha-1", 1, "0.5"));

    assertThat(order.getStatus()).isEqualTo(OrderStatus.ACCEPTED);
    assertThat(order.getOrderId()).isEqualTo("o-alpha-1");
    assertThat(order.getApprovalId()).isEqualTo("a-alpha-1");
    assertThat(order.getMeta().getSeq()).isEqualTo(1);
    assertThat(engine.orders()).isEqualTo(1);
  }

  @Test
  void refusesAnOrderWithoutApprovalAndDoesNotCountItAsAnOrder() {
    String digestBefore = engine.ordersDigest();

    Order order = engine.place(marketBuy("alpha-1", 1, "0.5").toBuilder().clearApproval().build());

    assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
    assertThat(order.getRejectCode()).isEqualTo(RejectCode.MISSING_APPROVAL);
    assertThat(order.getRejectReason()).contains("alpha-1");
    assertThat(engine.rejected()).isEqualTo(1);
    assertThat(engine.rejectedByCode()).containsEntry("MISSING_APPROVAL", 1L);
    assertThat(engine.orders()).isZero();
    assertThat(engine.ordersDigest()).isEqualTo(digestBefore);
    assertThat(engine.onTrade(trade(2, "1000.00", "1")).executions()).isEmpty();
  }

  @Test
  void answersARepeatedIntentWithTheOrderItPlacedAndPlacesNothing() {
    Order first = engine.place(marketBuy("alpha-1", 1, "0.5"));

    Order again = engine.place(marketBuy("alpha-1", 1, "0.7"));

    assertThat(again).isEqualTo(first);
    assertThat(engine.orders()).isEqualTo(1);
    assertThat(engine.idempotentReplies()).isEqualTo(1);
    assertThat(engine.onTrade(trade(2, "1000.00", "1")).executions()).hasSize(1);
  }

  @Test
  void aMarketOrderFillsOnTheNextTradeAndMovesPositionCashAndEquity() {
    engine.onTrade(trade(1, "1000.00", "1"));
    engine.place(marketBuy("alpha-1", 1, "0.5"));

    TradeOutcome outcome = engine.onTrade(trade(2, "1000.00", "0.01"));

    assertThat(outcome.executions()).singleElement().satisfies(execution -> {
      assertThat(execution.getExecutionId()).isEqualTo("x-o-alpha-1-1");
      assertThat(execution.getPrice()).isEqualTo(px("1000.50"));
      assertThat(execution.getQuantity()).isEqualTo(qty("0.5"));
      assertThat(execution.getFeeMicros()).isEqualTo(usd("0.50025"));
      assertThat(execution.getLiquidity()).isEqualTo(Liquidity.TAKER);
      assertThat(execution.getMeta().getSeq()).isEqualTo(2);
    });
    assertThat(outcome.orderUpdates()).singleElement().satisfies(update -> {
      assertThat(update.getStatus()).isEqualTo(OrderStatus.FILLED);
      assertThat(update.getFilledQuantity()).isEqualTo(qty("0.5"));
    });
    PortfolioState state = outcome.state();
    assertThat(state.getMeta().getSeq()).isEqualTo(2);
    assertThat(state.getPositionsList()).singleElement().satisfies(position -> {
      assertThat(position.getQuantity()).isEqualTo(qty("0.5"));
      assertThat(position.getCostMicros()).isEqualTo(usd("500.25"));
      assertThat(position.getUnrealizedPnlMicros()).isEqualTo(usd("-0.25"));
    });
    assertThat(state.getCashMicros()).isEqualTo(usd("100000") - usd("500.25") - usd("0.50025"));
    assertThat(state.getEquityMicros()).isEqualTo(usd("100000") - usd("0.25") - usd("0.50025"));
    assertThat(state.getDrawdown()).isGreaterThan(0);
    assertThat(state.getOpenOrdersList()).isEmpty();
    assertThat(state.getFills()).isEqualTo(1);
  }

  @Test
  void publishesOneStateForEveryNewSeqAndNoneForAStaleOne() {
    assertThat(engine.onTrade(trade(1, "1000.00", "1")).state().getMeta().getSeq()).isEqualTo(1);

    TradeOutcome bad = engine.onTrade(trade(2, px("1000.00"), -5));
    TradeOutcome stale = engine.onTrade(trade(2, "1000.00", "1"));
    TradeOutcome noSeq = engine.onTrade(trade(0, "1000.00", "1"));

    assertThat(bad.rejectReason()).isEqualTo("non_positive_size");
    assertThat(bad.state().getMeta().getSeq()).isEqualTo(2);
    assertThat(stale.rejectReason()).isEqualTo("stale_seq");
    assertThat(stale.state()).isNull();
    assertThat(noSeq.rejectReason()).isEqualTo("missing_seq");
    assertThat(noSeq.state()).isNull();
    assertThat(engine.latest().getMeta().getSeq()).isEqualTo(2);
  }

  @Test
  void aTradeWithAnotherScaleForAKnownSymbolIsSkipped() {
    engine.onTrade(trade(1, "1000.00", "1"));

    TradeOutcome outcome = engine.onTrade(trade(2, "1000.00", "1").toBuilder()
        .setInstrument(Fixtures.BTC_USD.toBuilder().setPriceScale(4)).build());

    assertThat(outcome.rejectReason()).isEqualTo("scale_mismatch");
  }

  @Test
  void theDigestDoesNotDependOnWhichStrategyCalledFirstWithinATick() {
    PortfolioEngine other = Fixtures.engine(Map.of("alpha", 0.5));
    for (PortfolioEngine each : List.of(engine, other)) {
      each.onTrade(trade(1, "1000.00", "1"));
    }
    engine.place(marketBuy("alpha-1", 1, "0.1"));
    engine.place(marketBuy("beta-1", 1, "0.2"));
    other.place(marketBuy("beta-1", 1, "0.2"));
    other.place(marketBuy("alpha-1", 1, "0.1"));
    String afterTickOne = engine.ordersDigest();
    for (PortfolioEngine each : List.of(engine, other)) {
      each.onTrade(trade(2, "1000.00", "1"));
    }

    assertThat(engine.ordersDigest()).isEqualTo(other.ordersDigest()).isEqualTo(afterTickOne);
    assertThat(engine.latest()).isEqualTo(other.latest());
    other.place(marketBuy("beta-2", 2, "0.2"));
    assertThat(other.ordersDigest()).isNotEqualTo(engine.ordersDigest());
  }

  @Test
  void cancelsOnlyAWorkingOrderOfTheSameStrategy() {
    engine.onTrade(trade(1, "1000.00", "1"));
    engine.place(approved(intent("alpha-1", "alpha", 1, Side.BUY, OrderType.LIMIT, "990.00", "1")));

    Order foreign = engine.cancel(cancel("beta-1", "beta", 1, "o-alpha-1"));
    Order cancelled = engine.cancel(cancel("alpha-2", "alpha", 1, "o-alpha-1"));
    Order again = engine.cancel(cancel("alpha-3", "alpha", 1, "o-alpha-1"));

    assertThat(foreign.getRejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
    assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.getOrderId()).isEqualTo("o-alpha-1");
    assertThat(again.getRejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
    assertThat(engine.cancels()).isEqualTo(1);
    assertThat(engine.onTrade(trade(2, "900.00", "5")).executions()).isEmpty();
  }

  @Test
  void aPostOnlyOrderThatWouldCrossIsRejectedByTheVenue() {
    engine.onTrade(trade(1, "1000.00", "1"));

    Order order = engine.place(approved(intent("alpha-1", "alpha", 1, Side.BUY, OrderType.LIMIT, "1000.00", "1")
        .setTimeInForce(TimeInForce.POST_ONLY)));

    assertThat(order.getRejectCode()).isEqualTo(RejectCode.PORTFOLIO_REJECTED);
    assertThat(order.getRejectReason()).contains("cross");
  }

  @Test
  void partialFillsKeepTheOrderOpenInTheState() {
    engine.onTrade(trade(1, "1000.00", "1"));
    engine.place(approved(intent("alpha-1", "alpha", 1, Side.BUY, OrderType.LIMIT, "999.00", "1")));

    TradeOutcome first = engine.onTrade(trade(2, "998.00", "0.25"));

    assertThat(first.orderUpdates()).singleElement()
        .extracting(Order::getStatus, Order::getFilledQuantity).containsExactly(OrderStatus.PARTIALLY_FILLED, qty("0.25"));
    assertThat(first.state().getOpenOrdersList()).singleElement()
        .extracting(Order::getFilledQuantity).isEqualTo(qty("0.25"));
    TradeOutcome second = engine.onTrade(trade(3, "998.00", "2"));
    assertThat(second.executions()).extracting(Execution::getQuantity).containsExactly(qty("0.75"));
    assertThat(second.state().getOpenOrdersList()).isEmpty();
  }

  @Test
  void theStateListsAllocationsAndCanBeFilteredByStrategy() {
    engine.onTrade(trade(1, "1000.00", "1"));
    engine.place(marketBuy("beta-1", 1, "0.1"));
    engine.place(marketBuy("alpha-1", 1, "0.1"));
    engine.onTrade(trade(2, "1000.00", "1"));

    assertThat(engine.latest().getAllocationsList()).extracting(StrategyAllocation::getStrategyId)
        .containsExactly("alpha", "beta", AllocationPolicy.DEFAULT_STRATEGY);
    PortfolioState beta = engine.state("beta");
    assertThat(beta.getPositionsList()).extracting(Position::getStrategyId).containsExactly("beta");
    assertThat(beta.getAllocationsList()).singleElement()
        .extracting(StrategyAllocation::getCapitalMicros).isEqualTo(usd("25000"));
    assertThat(beta.getEquityMicros()).isEqualTo(engine.latest().getEquityMicros());
  }
}
