package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.allocation.FixedFractionAllocation;
import dev.tradingsystem.portfolio.book.PositionBook;
import dev.tradingsystem.portfolio.exchange.PaperExchange;
import dev.tradingsystem.portfolio.exchange.PaperExchangeConfig;
import dev.tradingsystem.portfolio.market.InstrumentCatalog;
import dev.tradingsystem.proto.Approval;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.money.Instruments;
import java.util.List;
import java.util.Map;

/** Readable builders for BTC/USD (cents and satoshis) orders and trades. */
public final class Fixtures {

  public static final Instrument BTC_USD = Instruments.BITSTAMP_BTC_USD;
  public static final long INITIAL_CAPITAL = usd("100000");

  private Fixtures() {
  }

  /** "1000.00" → price units (cents). */
  public static long px(String price) {
    return FixedPoint.parseUnits(price, BTC_USD.getPriceScale());
  }

  /** "0.5" → size units (satoshis). */
  public static long qty(String size) {
    return FixedPoint.parseUnits(size, BTC_USD.getSizeScale());
  }

  /** "1.0005" → micros of USD. */
  public static long usd(String amount) {
    return FixedPoint.parseUnits(amount, FixedPoint.MONEY_SCALE);
  }

  public static Meta meta(long seq) {
    return Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq)
        .setEventTimeUs(1_385_337_600_000_000L + seq * 1_000_000L).build();
  }

  public static Trade trade(long seq, String price, String size) {
    return trade(seq, px(price), qty(size));
  }

  public static Trade trade(long seq, long price, long size) {
    return Trade.newBuilder().setMeta(meta(seq)).setInstrument(BTC_USD).setPrice(price).setSize(size)
        .setTradeId("tr-" + seq).build();
  }

  public static OrderIntent.Builder intent(String intentId, String strategyId, long seq, Side side, OrderType type,
      String price, String quantity) {
    return OrderIntent.newBuilder()
        .setMeta(meta(seq))
        .setIntentId(intentId)
        .setStrategyId(strategyId)
        .setInstrument(BTC_USD)
        .setKind(IntentKind.NEW_ORDER)
        .setSide(side)
        .setType(type)
        .setPrice(price == null ? 0 : px(price))
        .setQuantity(qty(quantity))
        .setTimeInForce(TimeInForce.GTC);
  }

  public static ApprovedOrder approved(OrderIntent.Builder intent) {
    OrderIntent built = intent.build();
    return ApprovedOrder.newBuilder()
        .setMeta(built.getMeta())
        .setIntent(built)
        .setApproval(Approval.newBuilder().setApprovalId("a-" + built.getIntentId()).setIntentId(built.getIntentId()))
        .build();
  }

  public static ApprovedOrder cancel(String intentId, String strategyId, long seq, String orderId) {
    OrderIntent intent = OrderIntent.newBuilder().setMeta(meta(seq)).setIntentId(intentId).setStrategyId(strategyId)
        .setInstrument(BTC_USD).setKind(IntentKind.CANCEL_ORDER).setCancelOrderId(orderId).build();
    return ApprovedOrder.newBuilder().setMeta(intent.getMeta()).setIntent(intent)
        .setApproval(Approval.newBuilder().setApprovalId("a-" + intentId).setIntentId(intentId)).build();
  }

  /** An engine with the default paper exchange, 100,000 USD, 25 % per strategy and event time. */
  public static PortfolioEngine engine() {
    return engine(Map.of());
  }

  public static PortfolioEngine engine(Map<String, Double> allocations) {
    return new PortfolioEngine(new PaperExchange(PaperExchangeConfig.defaults()), new PositionBook(INITIAL_CAPITAL),
        new FixedFractionAllocation(INITIAL_CAPITAL, allocations, 0.25, 1.0),
        new InstrumentCatalog(List.of("BTC/USD")), TradingClock.eventTime());
  }
}
