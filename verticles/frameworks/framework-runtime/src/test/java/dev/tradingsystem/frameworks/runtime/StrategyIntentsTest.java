package dev.tradingsystem.frameworks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.runtime.testing.PipelineMessages;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.shared.money.Instruments;
import org.junit.jupiter.api.Test;

/** Ids, headers and the cancel's carried order details, as the risk gate and portfolio rely on them. */
class StrategyIntentsTest {

  private static final Meta CAUSE = PipelineMessages.meta(9, 1_385_337_600_000_000L);

  @Test
  void idsFollowDecisionOrderAndHeadersDeriveFromTheCause() {
    StrategyIntents intents = new StrategyIntents("test-fw.s");
    OrderIntent first = intents.newOrder(CAUSE, Instruments.BITSTAMP_BTC_USD, Side.BUY, 100_000, "entry")
        .setType(OrderType.LIMIT).setPrice(99_990).setQuantity(5_000_000).setTimeInForce(TimeInForce.GTC).build();
    OrderIntent second = intents.newOrder(CAUSE, Instruments.BITSTAMP_BTC_USD, Side.SELL, 100_000, "exit").build();

    assertThat(first.getIntentId()).isEqualTo("test-fw.s-1");
    assertThat(second.getIntentId()).isEqualTo("test-fw.s-2");
    assertThat(intents.issued()).isEqualTo(2);
    assertThat(first.getMeta().getId()).isEqualTo("test-fw.s-1");
    assertThat(first.getMeta().getSeq()).isEqualTo(9);
    assertThat(first.getMeta().getTraceId()).isEqualTo("t-9");
    assertThat(first.getMeta().getEventTimeUs()).isEqualTo(CAUSE.getEventTimeUs());
    assertThat(first.getMeta().getIngestTimeUs()).isEqualTo(CAUSE.getIngestTimeUs());
    assertThat(first.getStrategyId()).isEqualTo("test-fw.s");
    assertThat(first.getKind()).isEqualTo(IntentKind.NEW_ORDER);
    assertThat(first.getSide()).isEqualTo(Side.BUY);
    assertThat(first.getReferencePrice()).isEqualTo(100_000);
    assertThat(first.getReason()).isEqualTo("entry");
    assertThat(first.getPrice()).isEqualTo(99_990);
  }

  @Test
  void aCancelCarriesTheWorkingOrderAndItsOpenQuantity() {
    Order working = Order.newBuilder().setOrderId("o-test-fw.s-1").setStrategyId("test-fw.s")
        .setInstrument(Instruments.BITSTAMP_BTC_USD).setSide(Side.SELL).setType(OrderType.LIMIT)
        .setTimeInForce(TimeInForce.POST_ONLY).setPrice(100_215).setQuantity(5_000_000).setFilledQuantity(2_000_000)
        .setStatus(OrderStatus.PARTIALLY_FILLED).build();

    OrderIntent cancel = new StrategyIntents("test-fw.s").cancel(CAUSE, working, 100_100, "refresh ask");

    assertThat(cancel.getIntentId()).isEqualTo("test-fw.s-1");
    assertThat(cancel.getKind()).isEqualTo(IntentKind.CANCEL_ORDER);
    assertThat(cancel.getCancelOrderId()).isEqualTo("o-test-fw.s-1");
    assertThat(cancel.getSide()).isEqualTo(Side.SELL);
    assertThat(cancel.getType()).isEqualTo(OrderType.LIMIT);
    assertThat(cancel.getTimeInForce()).isEqualTo(TimeInForce.POST_ONLY);
    assertThat(cancel.getPrice()).isEqualTo(100_215);
    assertThat(cancel.getQuantity()).isEqualTo(3_000_000);
    assertThat(cancel.getReferencePrice()).isEqualTo(100_100);
    assertThat(cancel.getReason()).isEqualTo("refresh ask");
    assertThat(cancel.getInstrument()).isEqualTo(Instruments.BITSTAMP_BTC_USD);
  }

  @Test
  void anOverfilledOrderCancelsNothingRatherThanANegativeQuantity() {
    Order overfilled = Order.newBuilder().setOrderId("o-x-1").setQuantity(1_000).setFilledQuantity(1_500).build();
    assertThat(new StrategyIntents("x").cancel(CAUSE, overfilled, 0, "stale").getQuantity()).isZero();
  }
}
