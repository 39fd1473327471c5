package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.shared.money.Instruments;

/**
 * Is the intent well formed? Ids present, the fields of a NEW order or of a CANCEL, a known
 * symbol format, positive quantity and price, prices on the tick, sizes on the lot, at least the
 * minimum size. Runs first: every later rule may rely on what it checked.
 */
public final class IntentShapeRule implements PreTradeRule {

  /** Scales beyond this cannot be represented in a {@code long} notional anyway. */
  private static final int MAX_SCALE = 12;

  @Override
  public String name() {
    return "intent-shape";
  }

  @Override
  public CheckResult check(OrderIntent intent, RiskView view) {
    if (intent.getIntentId().isBlank()) {
      return CheckResult.reject(RejectCode.INVALID_INTENT, "intent_id is required");
    }
    if (intent.getStrategyId().isBlank()) {
      return CheckResult.reject(RejectCode.INVALID_INTENT, "strategy_id is required");
    }
    if (intent.getKind() == IntentKind.CANCEL_ORDER) {
      return intent.getCancelOrderId().isBlank()
          ? CheckResult.reject(RejectCode.INVALID_INTENT, "CANCEL_ORDER must name cancel_order_id")
          : CheckResult.APPROVED;
    }
    if (intent.getKind() != IntentKind.NEW_ORDER) {
      return CheckResult.reject(RejectCode.INVALID_INTENT, "unknown intent kind " + intent.getKindValue());
    }
    return checkNewOrder(intent);
  }

  private CheckResult checkNewOrder(OrderIntent intent) {
    if (!intent.getCancelOrderId().isBlank()) {
      return CheckResult.reject(RejectCode.INVALID_INTENT, "NEW_ORDER must not name cancel_order_id");
    }
    if (intent.getSide() != Side.BUY && intent.getSide() != Side.SELL) {
      return CheckResult.reject(RejectCode.INVALID_INTENT, "side must be BUY or SELL");
    }
    if (intent.getType() != OrderType.LIMIT && intent.getType() != OrderType.MARKET) {
      return CheckResult.reject(RejectCode.INVALID_INTENT, "type must be LIMIT or MARKET");
    }
    if (intent.getType() == OrderType.MARKET && intent.getTimeInForce() == TimeInForce.POST_ONLY) {
      return CheckResult.reject(RejectCode.INVALID_INTENT, "a MARKET order cannot be POST_ONLY");
    }
    Instrument instrument = intent.getInstrument();
    if (!intent.hasInstrument() || !Instruments.isValidSymbol(instrument.getSymbol())) {
      return CheckResult.reject(RejectCode.UNKNOWN_SYMBOL,
          "symbol '" + instrument.getSymbol() + "' is not BASE/QUOTE");
    }
    if (instrument.getPriceScale() < 0 || instrument.getPriceScale() > MAX_SCALE
        || instrument.getSizeScale() < 0 || instrument.getSizeScale() > MAX_SCALE) {
      return CheckResult.reject(RejectCode.UNKNOWN_SYMBOL, "instrument " + instrument.getSymbol() + " has unusable scales");
    }
    if (intent.getQuantity() <= 0) {
      return CheckResult.reject(RejectCode.INVALID_QUANTITY, "quantity must be positive, got " + intent.getQuantity());
    }
    if (intent.getType() == OrderType.LIMIT && intent.getPrice() <= 0) {
      return CheckResult.reject(RejectCode.INVALID_PRICE, "limit price must be positive, got " + intent.getPrice());
    }
    if (intent.getType() == OrderType.MARKET && intent.getReferencePrice() <= 0) {
      // A market order is valued at the framework's reference price; without one no limit can be checked.
      return CheckResult.reject(RejectCode.INVALID_PRICE, "market order needs a positive reference_price");
    }
    long tick = Math.max(1, instrument.getTickSize());
    if (intent.getType() == OrderType.LIMIT && intent.getPrice() % tick != 0) {
      return CheckResult.reject(RejectCode.INVALID_PRECISION, "price " + intent.getPrice() + " is not a multiple of tick " + tick);
    }
    long lot = Math.max(1, instrument.getLotSize());
    if (intent.getQuantity() % lot != 0) {
      return CheckResult.reject(RejectCode.INVALID_PRECISION, "quantity " + intent.getQuantity() + " is not a multiple of lot " + lot);
    }
    if (intent.getQuantity() < instrument.getMinSize()) {
      return CheckResult.reject(RejectCode.BELOW_MIN_SIZE,
          "quantity " + intent.getQuantity() + " is below the minimum size " + instrument.getMinSize());
    }
    return CheckResult.APPROVED;
  }
}
