package dev.tradingsystem.portfolio.exchange;

import static dev.tradingsystem.portfolio.Fixtures.approved;
import static dev.tradingsystem.portfolio.Fixtures.intent;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradingsystem.portfolio.Fixtures;
import dev.tradingsystem.portfolio.PortfolioEngine;
import dev.tradingsystem.portfolio.TradeOutcome;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reduce-only orders as a trader reads them: never open or add to the strategy's position on the
 * symbol, clipped to it when larger, and dropped at fill time once the position is flat. A
 * refusal is PORTFOLIO_REJECTED (401), the venue's answer, like Binance's "ReduceOnly Order is
 * rejected".
 */
class ReduceOnlyTest {

  @ParameterizedTest(name = "position {0} BTC, reduce-only {1} {2} -> {3} for {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # position | side | quantity | answer   | accepted quantity
      1.5        | SELL | 1        | ACCEPTED | 1
      1.5        | SELL | 2        | ACCEPTED | 1.5
      1.5        | BUY  | 1        | REJECTED | 0
      0          | SELL | 1        | REJECTED | 0
      -1         | BUY  | 3        | ACCEPTED | 1
      -1         | SELL | 1        | REJECTED | 0
      """)
  void reduceOnlyNeverOpensOrAddsAndIsClippedToThePosition(String position, Side side, String quantity,
      OrderStatus answer, String accepted) {
    PortfolioEngine engine = withPosition(position);

    Order order = engine.place(approved(intent("s-9", "s", 2, side, OrderType.LIMIT, "1000.00", quantity)
        .setReduceOnly(true)));

    assertThat(order.getStatus()).isEqualTo(answer);
    if (answer == OrderStatus.REJECTED) {
      assertThat(order.getRejectCode()).isEqualTo(RejectCode.PORTFOLIO_REJECTED);
      assertThat(order.getRejectReason()).contains("reduce-only");
    } else {
      assertThat(order.getQuantity()).isEqualTo(qty(accepted));
    }
  }

  @Test
  void twoExitsForOnePositionFillOnlyWhatIsLeftAndTheSecondExpires() {
    PortfolioEngine engine = withPosition("1.5");
    engine.place(approved(intent("s-2", "s", 2, Side.SELL, OrderType.LIMIT, "1000.00", "1").setReduceOnly(true)));
    engine.place(approved(intent("s-3", "s", 2, Side.SELL, OrderType.LIMIT, "1000.00", "1").setReduceOnly(true)));

    TradeOutcome outcome = engine.onTrade(trade(3, "1000.50", "5"));

    assertThat(outcome.orderUpdates()).extracting(Order::getOrderId, Order::getStatus, Order::getFilledQuantity)
        .containsExactly(
            tuple("o-s-2", OrderStatus.FILLED, qty("1")),
            tuple("o-s-3", OrderStatus.EXPIRED, qty("0.5")));
    assertThat(outcome.state().getPositionsList()).extracting(Position::getQuantity).containsExactly(0L);
  }

  /** A strategy "s" holding {@code position} BTC after a market fill at seq 2. */
  private static PortfolioEngine withPosition(String position) {
    PortfolioEngine engine = Fixtures.engine();
    engine.onTrade(trade(1, "1000.00", "10"));
    long signed = qty(position);
    if (signed != 0) {
      Side side = signed > 0 ? Side.BUY : Side.SELL;
      engine.place(approved(intent("s-1", "s", 1, side, OrderType.MARKET, null, position.replace("-", ""))));
    }
    engine.onTrade(trade(2, "1000.00", "10"));
    return engine;
  }
}
