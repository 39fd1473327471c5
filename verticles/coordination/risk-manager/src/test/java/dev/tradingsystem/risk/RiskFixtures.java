package dev.tradingsystem.risk;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StrategyAllocation;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.risk.rules.RiskLimits;
import dev.tradingsystem.risk.rules.ThrottleLimits;
import java.util.Map;
import java.util.Set;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.money.Instruments;

/** Builders in trader units (USD, BTC) for the risk tests. */
public final class RiskFixtures {

  public static final Instrument BTC_USD = Instruments.BITSTAMP_BTC_USD;
  /** 25,000 USD and 50 BTC per order, 5% collar, 20% drawdown, 60 s reference age, leverage 1; no symbol limits, no throttle. */
  public static final RiskLimits LIMITS = new RiskLimits(usd("25000"), 50, 5, 0.2, 60_000_000L, 0, 1, Set.of(), Map.of(),
      ThrottleLimits.OFF);
  /** Equity and cash of {@link #state}: 100,000 USD. */
  public static final String EQUITY_USD = "100000";

  private RiskFixtures() {
  }

  public static long usd(String amount) {
    return FixedPoint.parseUnits(amount, FixedPoint.MONEY_SCALE);
  }

  public static long price(String usd) {
    return FixedPoint.parseUnits(usd, BTC_USD.getPriceScale());
  }

  public static long btc(String amount) {
    return FixedPoint.parseUnits(amount, BTC_USD.getSizeScale());
  }

  public static Meta meta(long seq) {
    return Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq)
        .setEventTimeUs(1_385_000_000_000_000L + seq * 1_000_000L).build();
  }

  public static OrderIntent limit(String intentId, String strategy, Side side, String quantityBtc, String priceUsd, long seq) {
    return OrderIntent.newBuilder()
        .setMeta(meta(seq))
        .setIntentId(intentId)
        .setStrategyId(strategy)
        .setInstrument(BTC_USD)
        .setKind(IntentKind.NEW_ORDER)
        .setSide(side)
        .setType(OrderType.LIMIT)
        .setPrice(price(priceUsd))
        .setReferencePrice(price(priceUsd))
        .setQuantity(btc(quantityBtc))
        .build();
  }

  public static OrderIntent cancel(String intentId, String strategy, String orderId, long seq) {
    return OrderIntent.newBuilder()
        .setMeta(meta(seq))
        .setIntentId(intentId)
        .setStrategyId(strategy)
        .setInstrument(BTC_USD)
        .setKind(IntentKind.CANCEL_ORDER)
        .setCancelOrderId(orderId)
        .build();
  }

  public static StrategyAllocation allocation(String strategy, String maxNotionalUsd) {
    return StrategyAllocation.newBuilder().setStrategyId(strategy)
        .setCapitalMicros(usd(maxNotionalUsd)).setMaxNotionalMicros(usd(maxNotionalUsd)).build();
  }

  public static Position position(String strategy, String quantityBtc, String markUsd) {
    long quantity = btc(quantityBtc);
    long mark = price(markUsd);
    return Position.newBuilder().setStrategyId(strategy).setInstrument(BTC_USD)
        .setQuantity(quantity).setMarkPrice(mark)
        .setCostMicros(FixedPoint.notionalMicros(mark, quantity, BTC_USD)).build();
  }

  public static Order openOrder(String orderId, String strategy, Side side, String quantityBtc, String priceUsd) {
    return Order.newBuilder().setOrderId(orderId).setStrategyId(strategy).setInstrument(BTC_USD)
        .setSide(side).setType(OrderType.LIMIT).setPrice(price(priceUsd)).setQuantity(btc(quantityBtc))
        .setStatus(OrderStatus.ACCEPTED).build();
  }

  /** A snapshot of an account with {@value #EQUITY_USD} USD of equity and cash. */
  public static PortfolioState.Builder state(long seq) {
    return PortfolioState.newBuilder().setMeta(meta(seq)).setEquityMicros(usd(EQUITY_USD)).setCashMicros(usd(EQUITY_USD));
  }

  public static Trade trade(long seq, String priceUsd) {
    return Trade.newBuilder().setMeta(meta(seq)).setInstrument(BTC_USD)
        .setPrice(price(priceUsd)).setSize(btc("0.1")).setTradeId("x-" + seq).build();
  }
}
