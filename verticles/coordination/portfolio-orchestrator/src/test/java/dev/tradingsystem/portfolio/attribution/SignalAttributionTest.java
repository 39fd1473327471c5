package dev.tradingsystem.portfolio.attribution;

import static dev.tradingsystem.portfolio.Fixtures.BTC_USD;
import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.proto.AgentShare;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PnlAttribution;
import dev.tradingsystem.proto.Side;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Realised P&amp;L back to the agents, by hand. Decisions used below:
 * <pre>
 * t-1  deepseek LONG 0.8 × w 1.0 = +0.8 | claude LONG 0.5 × w 0.4 = +0.2 | sentiment SHORT 1.0 × w 0.5 = -0.5
 *      a BUY on it: deepseek 0.8, claude 0.2, sentiment nothing (voted against)
 * t-2  claude LONG 1.0 × w 1 | deepseek SHORT 1.0 × w 1    → a BUY: claude 1.0
 * t-3  sentiment SHORT 1.0 × w 1 | deepseek LONG 0.6 × w 1 → a SELL: sentiment 1.0
 * </pre>
 */
class SignalAttributionTest {

  private static final String STRATEGY = "freqtrade-hft.momentum";
  private final SignalAttribution attribution = new SignalAttribution();

  SignalAttributionTest() {
    attribution.onConsensus(consensus("t-1", signal("deepseek", Direction.LONG, 0.8), 1.0,
        signal("claude", Direction.LONG, 0.5), 0.4, signal("sentiment", Direction.SHORT, 1.0), 0.5));
    attribution.onConsensus(consensus("t-2", signal("claude", Direction.LONG, 1.0), 1.0,
        signal("deepseek", Direction.SHORT, 1.0), 1.0));
    attribution.onConsensus(consensus("t-3", signal("sentiment", Direction.SHORT, 1.0), 1.0,
        signal("deepseek", Direction.LONG, 0.6), 1.0));
  }

  @Test
  void oneEntryOneExitSplitsTheNetPnlByTheEntryVotes() {
    place("o-1", "t-1");
    assertThat(fill("o-1", Side.BUY, "1000.00", "1", "0.50")).isEmpty();
    place("o-2", "t-3");

    PnlAttribution pnl = fill("o-2", Side.SELL, "1100.00", "1", "0.55").orElseThrow();

    // 100 gross - 0.50 entry fee - 0.55 exit fee = 98.95: 0.8 and 0.2 of it; sentiment voted against.
    assertThat(pnl.getRealizedPnlMicros()).isEqualTo(usd("98.95"));
    assertThat(pnl.getEntryTraceId()).isEqualTo("t-1");
    assertThat(pnl.getOrderId()).isEqualTo("o-2");
    assertThat(pnl.getStrategyId()).isEqualTo(STRATEGY);
    assertThat(pnl.getMeta().getId()).isEqualTo("pa-x-o-2");
    assertThat(pnl.getSharesList()).extracting(AgentShare::getAgent, AgentShare::getPnlMicros)
        .containsExactly(tuple("claude", usd("19.79")), tuple("deepseek", usd("79.16")));
    assertThat(pnl.getShares(0).getWeight()).isCloseTo(0.2, within(1e-12));
    assertThat(attribution.pnlByAgent()).containsExactly(Map.entry("claude", usd("19.79")), Map.entry("deepseek", usd("79.16")));
  }

  @Test
  void twoEntriesOneExitWeighsTheEntriesByQuantity() {
    place("o-1", "t-1");
    fill("o-1", Side.BUY, "1000.00", "1", "0");
    place("o-2", "t-2");
    fill("o-2", Side.BUY, "1200.00", "3", "0");
    place("o-3", "t-3");

    PnlAttribution pnl = fill("o-3", Side.SELL, "1250.00", "4", "0").orElseThrow();

    // average cost 1150, 5000 - 4600 = 400; entry 1 is a quarter (deepseek 0.8 × ¼ = 0.2,
    // claude 0.2 × ¼ + 1.0 × ¾ = 0.8)
    assertThat(pnl.getRealizedPnlMicros()).isEqualTo(usd("400"));
    assertThat(pnl.getEntryTraceId()).isEqualTo("t-2");
    assertThat(pnl.getSharesList()).extracting(AgentShare::getAgent, AgentShare::getPnlMicros)
        .containsExactly(tuple("claude", usd("320")), tuple("deepseek", usd("80")));
  }

  @Test
  void partialExitsCloseTheSameFractionOfEveryEntry() {
    place("o-1", "t-1");
    fill("o-1", Side.BUY, "1000.00", "1", "0");
    place("o-2", "t-2");
    fill("o-2", Side.BUY, "1200.00", "3", "0");
    place("o-3", "t-3");

    // Sell 2 at 1250: closes ½ of entry 1 and 1½ of entry 2; 2500 - 2300 = 200.
    PnlAttribution first = fill("o-3", Side.SELL, "1250.00", "2", "0", "2").orElseThrow();
    // Sell 2 at 1100: 2200 - 2300 = -100, same weights.
    PnlAttribution second = fill("o-3", Side.SELL, "1100.00", "2", "0").orElseThrow();

    assertThat(first.getSharesList()).extracting(AgentShare::getAgent, AgentShare::getPnlMicros)
        .containsExactly(tuple("claude", usd("160")), tuple("deepseek", usd("40")));
    assertThat(second.getSharesList()).extracting(AgentShare::getAgent, AgentShare::getPnlMicros)
        .containsExactly(tuple("claude", usd("-80")), tuple("deepseek", usd("-20")));
    assertThat(attribution.pnlByAgent()).containsExactly(Map.entry("claude", usd("80")), Map.entry("deepseek", usd("20")));
    assertThat(attribution.footprint()).as("flat position and finished orders are forgotten").containsExactly(3, 0, 0);
  }

  @Test
  void aLosingShortChargesTheAgentsThatCalledIt() {
    place("o-1", "t-3");
    fill("o-1", Side.SELL, "1000.00", "0.5", "1");
    place("o-2", "t-1");

    PnlAttribution pnl = fill("o-2", Side.BUY, "1100.00", "0.5", "1").orElseThrow();

    // short 500, covered for 550: -50, less 1 + 1 of fees; deepseek voted LONG on t-3 and pays nothing.
    assertThat(pnl.getRealizedPnlMicros()).isEqualTo(usd("-52"));
    assertThat(pnl.getSharesList()).extracting(AgentShare::getAgent, AgentShare::getWeight, AgentShare::getPnlMicros)
        .containsExactly(tuple("sentiment", 1.0, usd("-52")));
  }

  @Test
  void aFillThroughZeroClosesTheOldEntryAndOpensOneOnTheOtherSide() {
    place("o-1", "t-1");
    fill("o-1", Side.BUY, "1000.00", "1", "0");
    place("o-2", "t-3");

    // Sell 2 at 1100, fee 2: half the fee closes (100 - 1 = 99 to t-1's agents), half opens the short.
    PnlAttribution close = fill("o-2", Side.SELL, "1100.00", "2", "2").orElseThrow();
    place("o-3", "t-2");
    PnlAttribution cover = fill("o-3", Side.BUY, "1000.00", "1", "0").orElseThrow();

    assertThat(close.getRealizedPnlMicros()).isEqualTo(usd("99"));
    assertThat(close.getSharesList()).extracting(AgentShare::getAgent, AgentShare::getPnlMicros)
        .containsExactly(tuple("claude", usd("19.80")), tuple("deepseek", usd("79.20")));
    // the short from t-3: 1100 - 1000 = 100 less its 1 of entry fee, all to sentiment
    assertThat(cover.getEntryTraceId()).isEqualTo("t-3");
    assertThat(cover.getSharesList()).extracting(AgentShare::getAgent, AgentShare::getPnlMicros)
        .containsExactly(tuple("sentiment", usd("99")));
  }

  @Test
  void anEntryWithoutAKnownDecisionStaysUnattributed() {
    place("o-1", "t-unknown");
    fill("o-1", Side.BUY, "1000.00", "1", "0");
    place("o-2", "t-3");

    PnlAttribution pnl = fill("o-2", Side.SELL, "1010.00", "1", "0").orElseThrow();

    assertThat(pnl.getRealizedPnlMicros()).isEqualTo(usd("10"));
    assertThat(pnl.getEntryTraceId()).isEmpty();
    assertThat(pnl.getSharesList()).isEmpty();
    assertThat(attribution.unattributedMicros()).isEqualTo(usd("10"));
  }

  @Test
  void aDecisionOutsideTheWindowIsForgotten() {
    SignalAttribution small = new SignalAttribution(1, 4);
    small.onConsensus(consensus("t-1", signal("deepseek", Direction.LONG, 1), 1.0));
    small.onConsensus(consensus("t-2", signal("claude", Direction.LONG, 1), 1.0));
    small.onOrder(order("o-1", "t-1", OrderStatus.ACCEPTED));
    small.onExecution(execution("o-1", Side.BUY, "1000.00", "1", "0", "0"));
    small.onOrder(order("o-2", "t-2", OrderStatus.ACCEPTED));

    PnlAttribution pnl = small.onExecution(execution("o-2", Side.SELL, "1001.00", "1", "0", "0")).orElseThrow();

    assertThat(pnl.getSharesList()).isEmpty();
    assertThat(small.footprint()).containsExactly(1, 0, 0);
  }

  @Test
  void cancelledOrdersAreForgotten() {
    place("o-1", "t-1");
    attribution.onOrder(order("o-1", "t-1", OrderStatus.CANCELLED));

    assertThat(attribution.footprint()[1]).isZero();
  }

  @Test
  void manyEntriesAreFoldedWithoutChangingTheWeights() {
    SignalAttribution folded = new SignalAttribution(16, 2);
    folded.onConsensus(consensus("t-1", signal("a", Direction.LONG, 1), 1.0));
    folded.onConsensus(consensus("t-2", signal("b", Direction.LONG, 1), 1.0));
    folded.onConsensus(consensus("t-3", signal("c", Direction.LONG, 1), 1.0));
    String[][] entries = {{"o-1", "t-1", "1"}, {"o-2", "t-2", "1"}, {"o-3", "t-3", "2"}};
    for (String[] entry : entries) {
      folded.onOrder(order(entry[0], entry[1], OrderStatus.ACCEPTED));
      folded.onExecution(execution(entry[0], Side.BUY, "1000.00", entry[2], "0", "0"));
    }
    folded.onOrder(order("o-4", "t-1", OrderStatus.ACCEPTED));

    PnlAttribution pnl = folded.onExecution(execution("o-4", Side.SELL, "1100.00", "4", "0", "0")).orElseThrow();

    assertThat(pnl.getSharesList()).extracting(AgentShare::getAgent, AgentShare::getPnlMicros)
        .containsExactly(tuple("a", usd("100")), tuple("b", usd("100")), tuple("c", usd("200")));
  }

  private void place(String orderId, String traceId) {
    attribution.onOrder(order(orderId, traceId, OrderStatus.ACCEPTED));
  }

  private Optional<PnlAttribution> fill(String orderId, Side side, String price, String size, String fee) {
    return fill(orderId, side, price, size, fee, "0");
  }

  private Optional<PnlAttribution> fill(String orderId, Side side, String price, String size, String fee, String leaves) {
    return attribution.onExecution(execution(orderId, side, price, size, fee, leaves));
  }

  private static Execution execution(String orderId, Side side, String price, String size, String fee, String leaves) {
    return Execution.newBuilder()
        .setMeta(Meta.newBuilder().setId("x-" + orderId).setTraceId("t-fill"))
        .setExecutionId("x-" + orderId).setOrderId(orderId).setStrategyId(STRATEGY).setInstrument(BTC_USD)
        .setSide(side).setPrice(px(price)).setQuantity(qty(size)).setFeeMicros(usd(fee))
        .setLeavesQuantity(qty(leaves)).build();
  }

  private static Order order(String orderId, String traceId, OrderStatus status) {
    return Order.newBuilder().setMeta(Meta.newBuilder().setId(orderId).setTraceId(traceId))
        .setOrderId(orderId).setStrategyId(STRATEGY).setInstrument(BTC_USD).setStatus(status).build();
  }

  private static AgentSignal signal(String agent, Direction direction, double strength) {
    return AgentSignal.newBuilder().setAgent(agent).setDirection(direction).setStrength(strength).build();
  }

  /** Signals each followed by its fused weight. */
  private static Consensus consensus(String traceId, Object... signalsAndWeights) {
    Consensus.Builder consensus = Consensus.newBuilder().setSymbol(BTC_USD.getSymbol())
        .setMeta(Meta.newBuilder().setTraceId(traceId));
    for (int i = 0; i < signalsAndWeights.length; i += 2) {
      consensus.addSignals((AgentSignal) signalsAndWeights[i]).addSignalWeights((Double) signalsAndWeights[i + 1]);
    }
    return consensus.build();
  }
}
