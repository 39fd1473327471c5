package dev.tradingsystem.risk;

import static dev.tradingsystem.risk.RiskFixtures.LIMITS;
import static dev.tradingsystem.risk.RiskFixtures.allocation;
import static dev.tradingsystem.risk.RiskFixtures.limit;
import static dev.tradingsystem.risk.RiskFixtures.openOrder;
import static dev.tradingsystem.risk.RiskFixtures.state;
import static dev.tradingsystem.risk.RiskFixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.risk.book.WorkingOrder;
import dev.tradingsystem.risk.killswitch.StateChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskEngineTest {

  private static final String FT = "freqtrade-hft.momentum";
  private static final String MM = "hummingbot-mm.as-mm";

  /** Snapshot 5: both strategies may hold 10,000 USD gross; BTC trades at 800. */
  private static RiskEngine engineAtTick5() {
    RiskEngine engine = new RiskEngine(LIMITS, 1_000);
    engine.onPortfolioState(state(5).addAllocations(allocation(FT, "10000")).addAllocations(allocation(MM, "10000")).build(), 0);
    engine.onTrade(trade(5, "800.00"));
    return engine;
  }

  private static Map<String, RejectCode> decideInOrder(List<OrderIntent> intents) {
    RiskEngine engine = engineAtTick5();
    Map<String, RejectCode> decisions = new LinkedHashMap<>();
    for (OrderIntent intent : intents) {
      decisions.put(intent.getIntentId(), engine.decide(intent).code());
    }
    return decisions;
  }

  @Test
  void twoStrategiesGetTheSameDecisionsWhicheverAsksFirst() {
    List<OrderIntent> freqtrade = List.of(
        limit(FT + "-1", FT, Side.BUY, "6", "800.00", 5),
        limit(FT + "-2", FT, Side.BUY, "6", "800.00", 5),
        limit(FT + "-3", FT, Side.BUY, "1", "800.00", 5));
    List<OrderIntent> hummingbot = List.of(
        limit(MM + "-1", MM, Side.BUY, "6", "799.50", 5),
        limit(MM + "-2", MM, Side.SELL, "7", "800.50", 5));

    List<OrderIntent> freqtradeFirst = new ArrayList<>(freqtrade);
    freqtradeFirst.addAll(hummingbot);
    List<OrderIntent> hummingbotFirst = new ArrayList<>(hummingbot);
    hummingbotFirst.addAll(freqtrade);
    List<OrderIntent> interleaved = List.of(freqtrade.get(0), hummingbot.get(0), freqtrade.get(1), hummingbot.get(1), freqtrade.get(2));

    Map<String, RejectCode> expected = Map.of(
        FT + "-1", RejectCode.NONE,
        FT + "-2", RejectCode.NONE,
        FT + "-3", RejectCode.STRATEGY_BUDGET,
        MM + "-1", RejectCode.NONE,
        MM + "-2", RejectCode.STRATEGY_BUDGET);
    assertThat(decideInOrder(freqtradeFirst)).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(decideInOrder(hummingbotFirst)).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(decideInOrder(interleaved)).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void approvalsSinceTheSnapshotCountUntilTheNextSnapshotHoldsThem() {
    RiskEngine engine = engineAtTick5();
    assertThat(engine.decide(limit(FT + "-1", FT, Side.BUY, "12", "800.00", 5)).code()).isEqualTo(RejectCode.NONE);
    assertThat(engine.decide(limit(FT + "-2", FT, Side.BUY, "1", "800.00", 5)).code()).isEqualTo(RejectCode.STRATEGY_BUDGET);

    PortfolioState.Builder tick6 = state(6).addAllocations(allocation(FT, "10000"));
    engine.onPortfolioState(tick6.build(), 0);
    assertThat(engine.decide(limit(FT + "-3", FT, Side.BUY, "1", "800.00", 6)).code())
        .as("the order was cancelled before snapshot 6: its exposure is gone")
        .isEqualTo(RejectCode.NONE);

    engine.onPortfolioState(state(7).addAllocations(allocation(FT, "10000"))
        .addOpenOrders(openOrder("o-" + FT + "-1", FT, Side.BUY, "12", "800.00")).build(), 0);
    assertThat(engine.decide(limit(FT + "-4", FT, Side.BUY, "1", "800.00", 7)).code())
        .as("snapshot 7 holds the working order")
        .isEqualTo(RejectCode.STRATEGY_BUDGET);
  }

  @Test
  void anOlderSnapshotDeliveredLateIsIgnored() {
    RiskEngine engine = engineAtTick5();
    engine.onPortfolioState(state(4).build(), 0);

    assertThat(engine.book().snapshotSeq()).isEqualTo(5);
    assertThat(engine.decide(limit(FT + "-1", FT, Side.BUY, "1", "800.00", 5)).approved()).isTrue();
  }

  @Test
  void anApprovalThePortfolioRefusedIsForgotten() {
    RiskEngine engine = engineAtTick5();
    OrderIntent big = limit(FT + "-1", FT, Side.BUY, "12", "800.00", 5);
    engine.decide(big);
    assertThat(engine.decide(big).code()).isEqualTo(RejectCode.DUPLICATE_INTENT);

    engine.refused(big);

    assertThat(engine.decide(big).code()).as("may be asked again, and its exposure is free").isEqualTo(RejectCode.NONE);
  }

  @Test
  void drawdownSnapshotHaltsAndNewOrdersAreRefused() {
    RiskEngine engine = engineAtTick5();

    StateChange change = engine.onPortfolioState(state(6).setDrawdown(0.21).addAllocations(allocation(FT, "10000")).build(), 0)
        .orElseThrow();

    assertThat(change.to()).isEqualTo(TradingState.HALTED);
    assertThat(engine.decide(limit(FT + "-1", FT, Side.BUY, "1", "800.00", 6)).code()).isEqualTo(RejectCode.TRADING_HALTED);
    assertThat(engine.decide(RiskFixtures.cancel(FT + "-2", FT, "o-" + FT + "-0", 6)).approved()).isTrue();

    engine.onPortfolioState(state(7).setDrawdown(0.05).build(), 0);
    assertThat(engine.tradingState()).as("latched").isEqualTo(TradingState.HALTED);

    engine.command(KillSwitchCommand.newBuilder().setTargetState(TradingState.ACTIVE).setOperatorId("ops").setReason("reviewed").build(), "ops", 0);
    assertThat(engine.tradingState()).isEqualTo(TradingState.ACTIVE);
  }

  @Test
  void workingOrdersAreTheSnapshotsOpenOrdersAndAcceptedApprovalsSince() {
    RiskEngine engine = new RiskEngine(LIMITS, 1_000);
    engine.onPortfolioState(state(5).addAllocations(allocation("*", "100000"))
        .addOpenOrders(openOrder("o-a", FT, Side.BUY, "1", "790.00"))
        .addOpenOrders(openOrder("o-b", MM, Side.SELL, "1", "810.00").toBuilder().setStatus(dev.tradingsystem.proto.OrderStatus.FILLED))
        .build(), 0);
    engine.onTrade(trade(5, "800.00"));
    OrderIntent accepted = limit(MM + "-1", MM, Side.BUY, "1", "800.00", 5);
    OrderIntent unanswered = limit(MM + "-2", MM, Side.BUY, "1", "800.00", 5);
    engine.decide(accepted);
    engine.decide(unanswered);
    engine.accepted(accepted, "o-" + MM + "-1");

    assertThat(engine.workingOrders()).extracting(WorkingOrder::orderId).containsExactly("o-a", "o-" + MM + "-1");
  }
}
