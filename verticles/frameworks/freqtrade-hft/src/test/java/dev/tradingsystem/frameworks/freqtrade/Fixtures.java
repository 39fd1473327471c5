package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.runtime.testing.PipelineMessages;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Quantile;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.Instruments;

/** Messages as the pipeline produces them, for BTC/USD at Bitstamp scales (cents, satoshis). */
public final class Fixtures {

  public static final Instrument BTC_USD = Instruments.BITSTAMP_BTC_USD;
  public static final long MINUTE_US = 60_000_000L;
  public static final long T0_US = 1_385_337_600_000_000L;
  public static final long ONE_BTC = 100_000_000L;

  private Fixtures() {
  }

  public static Meta meta(long seq, long eventTimeUs) {
    return PipelineMessages.meta(seq, eventTimeUs);
  }

  public static FeatureVector features(long seq, long eventTimeUs, double price, double emaFast, double emaSlow) {
    return FeatureVector.newBuilder().setMeta(meta(seq, eventTimeUs)).setInstrument(BTC_USD)
        .setPrice(price).setMid(price).setEmaFast(emaFast).setEmaSlow(emaSlow).build();
  }

  public static Consensus consensus(long seq, long eventTimeUs, Direction direction, double score, boolean quorum,
      FeatureVector features) {
    return Consensus.newBuilder().setMeta(meta(seq, eventTimeUs)).setSymbol(BTC_USD.getSymbol())
        .setDirection(direction).setScore(score).setConfidence(0.8).setQuorum(quorum)
        .setFeatures(features).build();
  }

  /** A bullish quorum consensus with the fast EMA above the slow one. */
  public static Consensus bullish(long seq, long eventTimeUs, double price) {
    return consensus(seq, eventTimeUs, Direction.LONG, 0.8, true, features(seq, eventTimeUs, price, price, price - 1));
  }

  /** No view: FLAT, no quorum. */
  public static Consensus flat(long seq, long eventTimeUs, double price) {
    return consensus(seq, eventTimeUs, Direction.FLAT, 0, false, features(seq, eventTimeUs, price, price, price));
  }

  public static PortfolioState state(long seq) {
    return PipelineMessages.state(seq, T0_US + seq);
  }

  /** A snapshot holding {@code quantity} (signed, size units) at a cost basis of {@code costMicros}. */
  public static PortfolioState.Builder holding(long seq, String strategyId, long quantity, long costMicros) {
    return state(seq).toBuilder().addPositions(Position.newBuilder().setStrategyId(strategyId)
        .setInstrument(BTC_USD).setQuantity(quantity).setCostMicros(costMicros));
  }

  public static Order working(String orderId, String strategyId, Side side, long price, long quantity, long filled) {
    return Order.newBuilder().setOrderId(orderId).setIntentId(orderId.substring(2)).setStrategyId(strategyId)
        .setInstrument(BTC_USD).setSide(side).setType(OrderType.LIMIT).setPrice(price).setQuantity(quantity)
        .setFilledQuantity(filled).setStatus(filled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED)
        .build();
  }

  /** A quorum consensus with an expected edge (bps) and its variance (bps²), FreqAI style. */
  public static Consensus edge(long seq, long eventTimeUs, double price, double score, double edgeBps, double variance,
      boolean quorum) {
    Direction direction = score > 0 ? Direction.LONG : score < 0 ? Direction.SHORT : Direction.FLAT;
    return consensus(seq, eventTimeUs, direction, score, quorum, features(seq, eventTimeUs, price, price, price))
        .toBuilder().setExpectedEdgeBps(edgeBps).setEdgeVariance(variance).build();
  }

  /** A consensus carrying a Lag-Llama forecast: quantiles 0.1 / 0.5 / 0.9 of the log return. */
  public static Consensus forecast(long seq, long eventTimeUs, double price, double q10, double q50, double q90) {
    AgentSignal lagllama = AgentSignal.newBuilder().setAgent("lagllama").setSymbol(BTC_USD.getSymbol())
        .setDirection(q50 > 0 ? Direction.LONG : q50 < 0 ? Direction.SHORT : Direction.FLAT).setStrength(0.5)
        .setConfidence(0.7).setHorizonSec(300)
        .addQuantiles(Quantile.newBuilder().setLevel(0.1).setValue(q10))
        .addQuantiles(Quantile.newBuilder().setLevel(0.5).setValue(q50))
        .addQuantiles(Quantile.newBuilder().setLevel(0.9).setValue(q90)).build();
    return flat(seq, eventTimeUs, price).toBuilder().addSignals(lagllama).build();
  }

  /** No agent view, only the tape: RSI and Bollinger bands. */
  public static Consensus indicators(long seq, long eventTimeUs, double price, double rsi, double lower, double upper) {
    FeatureVector features = features(seq, eventTimeUs, price, price, price).toBuilder().setRsi(rsi)
        .setBollingerLower(lower).setBollingerUpper(upper).setBollingerMiddle((lower + upper) / 2).build();
    return consensus(seq, eventTimeUs, Direction.FLAT, 0, false, features);
  }
}
