package dev.tradingsystem.portfolio.order;

import static dev.tradingsystem.portfolio.Fixtures.approved;
import static dev.tradingsystem.portfolio.Fixtures.intent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.portfolio.market.InstrumentCatalog;
import dev.tradingsystem.proto.Approval;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.shared.money.Instruments;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderIntakeTest {

  private final OrderIntake intake = new OrderIntake(new InstrumentCatalog(List.of("BTC/USD")));

  private static OrderIntent.Builder limitBuy() {
    return intent("s-1", "s", 1, Side.BUY, OrderType.LIMIT, "1000.00", "0.5");
  }

  @Test
  void aWellFormedApprovedOrderPasses() {
    assertThat(intake.checkNew(approved(limitBuy()), id -> false)).isEmpty();
  }

  static Stream<Arguments> missingApprovals() {
    ApprovedOrder good = approved(limitBuy());
    return Stream.of(
        Arguments.of("no approval", good.toBuilder().clearApproval().build()),
        Arguments.of("approval names another intent",
            good.toBuilder().setApproval(Approval.newBuilder().setApprovalId("a-x").setIntentId("s-2")).build()),
        Arguments.of("approval names no intent",
            good.toBuilder().setApproval(Approval.newBuilder().setApprovalId("a-x")).build()),
        Arguments.of("no intent at all", good.toBuilder().clearIntent().build()));
  }

  @ParameterizedTest(name = "{0} -> MISSING_APPROVAL")
  @MethodSource("missingApprovals")
  void anythingWithoutAnApprovalNamingItsIntentIsRefused(String description, ApprovedOrder order) {
    assertThat(intake.checkNew(order, id -> false)).get()
        .extracting(Rejection::code).isEqualTo(RejectCode.MISSING_APPROVAL);
    assertThat(intake.checkCancel(order)).get()
        .extracting(Rejection::code).isEqualTo(RejectCode.MISSING_APPROVAL);
  }

  static Stream<Arguments> malformedIntents() {
    return Stream.of(
        Arguments.of("zero quantity", edit(b -> b.setQuantity(0)), RejectCode.INVALID_QUANTITY),
        Arguments.of("negative quantity", edit(b -> b.setQuantity(-5)), RejectCode.INVALID_QUANTITY),
        Arguments.of("limit without price", edit(b -> b.setPrice(0)), RejectCode.INVALID_PRICE),
        Arguments.of("limit with negative price", edit(b -> b.setPrice(-100)), RejectCode.INVALID_PRICE),
        Arguments.of("empty symbol", edit(b -> b.setInstrument(Instrument.getDefaultInstance())), RejectCode.UNKNOWN_SYMBOL),
        Arguments.of("unknown symbol", edit(b -> b.setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setSymbol("ETH/USD"))),
            RejectCode.UNKNOWN_SYMBOL),
        Arguments.of("no side", edit(b -> b.setSide(Side.SIDE_UNSPECIFIED)), RejectCode.INVALID_INTENT),
        Arguments.of("no type", edit(b -> b.setType(OrderType.ORDER_TYPE_UNSPECIFIED)), RejectCode.INVALID_INTENT),
        Arguments.of("no strategy", edit(b -> b.setStrategyId("")), RejectCode.INVALID_INTENT),
        Arguments.of("cancel sent to placeOrder", edit(b -> b.setKind(IntentKind.CANCEL_ORDER)), RejectCode.INVALID_INTENT),
        Arguments.of("post-only market order",
            edit(b -> b.setType(OrderType.MARKET).setPrice(0).setTimeInForce(TimeInForce.POST_ONLY)),
            RejectCode.INVALID_INTENT),
        Arguments.of("below the minimum size",
            edit(b -> b.setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setMinSize(100)).setQuantity(99)),
            RejectCode.BELOW_MIN_SIZE));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("malformedIntents")
  void malformedIntentsAreRefusedWithAReason(String description, UnaryOperator<OrderIntent.Builder> edit,
      RejectCode expected) {
    assertThat(intake.checkNew(approved(edit.apply(limitBuy())), id -> false)).get()
        .satisfies(rejection -> {
          assertThat(rejection.code()).isEqualTo(expected);
          assertThat(rejection.reason()).isNotBlank();
        });
  }

  @Test
  void anIntentAlreadyPlacedIsADuplicate() {
    assertThat(intake.checkNew(approved(limitBuy()), "s-1"::equals)).get()
        .extracting(Rejection::code).isEqualTo(RejectCode.DUPLICATE_INTENT);
  }

  @Test
  void aCancelMustNameTheOrder() {
    ApprovedOrder cancel = approved(limitBuy().setKind(IntentKind.CANCEL_ORDER));

    assertThat(intake.checkCancel(cancel)).get().extracting(Rejection::code).isEqualTo(RejectCode.INVALID_INTENT);
    assertThat(intake.checkCancel(approved(limitBuy().setKind(IntentKind.CANCEL_ORDER).setCancelOrderId("o-s-0"))))
        .isEmpty();
  }

  private static UnaryOperator<OrderIntent.Builder> edit(UnaryOperator<OrderIntent.Builder> edit) {
    return edit;
  }
}
