package dev.tradingsystem.frameworks.hummingbot;

import dev.tradingsystem.frameworks.runtime.testing.PipelineMessages;
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
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.shared.money.Instruments;

/**
 * Messages as the pipeline produces them, for BTC/USD at Bitstamp scales (cents, satoshis). The
 * default market: mid 1000 USD, per-tick volatility 0.1 %, 0.5 trades/s, so over the 60 s horizon
 * σ = 1000 · 0.001 · √30 and γσ² = 0.1 · 30 = 3 USD.
 */
public final class Fixtures {

  public static final Instrument BTC_USD = Instruments.BITSTAMP_BTC_USD;
  public static final long ONE_BTC = 100_000_000L;
  public static final long T0_US = 1_385_337_600_000_000L;

  private Fixtures() {
  }

  /** One market event a second. */
  public static Meta meta(long seq) {
    return PipelineMessages.meta(seq, T0_US + seq * 1_000_000L);
  }

  public static FeatureVector features(long seq, double mid, double volatility, double tradeRate) {
    return FeatureVector.newBuilder().setMeta(meta(seq)).setInstrument(BTC_USD).setPrice(mid).setMid(mid)
        .setVolatility(volatility).setTradeRate(tradeRate).build();
  }

  public static Consensus consensus(long seq, double mid, Direction direction, double score, boolean quorum) {
    return Consensus.newBuilder().setMeta(meta(seq)).setSymbol(BTC_USD.getSymbol()).setDirection(direction)
        .setScore(score).setQuorum(quorum).setFeatures(features(seq, mid, 0.001, 0.5)).build();
  }

  /** No directional view at this mid. */
  public static Consensus neutral(long seq, double mid) {
    return consensus(seq, mid, Direction.FLAT, 0, false);
  }

  public static PortfolioState state(long seq) {
    return PipelineMessages.state(seq, T0_US + seq * 1_000_000L);
  }

  public static Position position(String strategyId, long quantity) {
    return Position.newBuilder().setStrategyId(strategyId).setInstrument(BTC_USD).setQuantity(quantity).build();
  }

  public static Order quote(String orderId, String strategyId, Side side, long price) {
    return quote(orderId, strategyId, side, price, 5_000_000);
  }

  public static Order quote(String orderId, String strategyId, Side side, long price, long quantity) {
    return Order.newBuilder().setOrderId(orderId).setIntentId(orderId.substring(2)).setStrategyId(strategyId)
        .setInstrument(BTC_USD).setSide(side).setType(OrderType.LIMIT).setTimeInForce(TimeInForce.POST_ONLY)
        .setPrice(price).setQuantity(quantity).setStatus(OrderStatus.ACCEPTED).build();
  }

  /** A neutral consensus whose features carry a book: best bid and ask, the mid between them. */
  public static Consensus withBook(long seq, double bid, double ask) {
    double mid = (bid + ask) / 2;
    Consensus base = neutral(seq, mid);
    return base.toBuilder().setFeatures(base.getFeatures().toBuilder().setBestBid(bid).setBestAsk(ask)).build();
  }

  /** A neutral consensus whose event time is {@code micros} after T0 (seq stays as given). */
  public static Consensus at(long seq, long micros, double mid) {
    Consensus base = neutral(seq, mid);
    Meta meta = base.getMeta().toBuilder().setEventTimeUs(T0_US + micros).build();
    return base.toBuilder().setMeta(meta).setFeatures(base.getFeatures().toBuilder().setMeta(meta)).build();
  }

  /** Dollars as micros. */
  public static long usd(double dollars) {
    return Math.round(dollars * 1_000_000);
  }
}
