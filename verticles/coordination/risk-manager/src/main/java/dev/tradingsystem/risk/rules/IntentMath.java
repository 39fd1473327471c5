package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;

/** Fixed-point arithmetic on intents shared by several rules. */
public final class IntentMath {

  private IntentMath() {
  }

  public static boolean isCancel(OrderIntent intent) {
    return intent.getKind() == IntentKind.CANCEL_ORDER;
  }

  /** The price the order's notional is valued at: the limit, or the reference for a market order. */
  public static long valuationPrice(OrderIntent intent) {
    return intent.getType() == OrderType.LIMIT ? intent.getPrice() : intent.getReferencePrice();
  }

  /** Notional of a new order in micros of quote currency. */
  public static long notionalMicros(OrderIntent intent) {
    return FixedPoint.notionalMicros(valuationPrice(intent), intent.getQuantity(), intent.getInstrument());
  }

  /**
   * True when the order can only bring the strategy's position towards zero: it trades against
   * the position and, even if every working order on its side filled with it, would not flip it.
   */
  public static boolean reducesPosition(OrderIntent intent, RiskView view) {
    String symbol = intent.getInstrument().getSymbol();
    long position = view.position(intent.getStrategyId(), symbol);
    long alreadyWorking = view.workingQuantity(intent.getStrategyId(), symbol, intent.getSide());
    long wouldTrade = saturatedAdd(intent.getQuantity(), alreadyWorking);
    if (intent.getSide() == Side.BUY) {
      return position < 0 && wouldTrade <= -position;
    }
    if (intent.getSide() == Side.SELL) {
      return position > 0 && wouldTrade <= position;
    }
    return false;
  }

  /** Sum that sticks at Long.MAX_VALUE instead of wrapping: an absurd size must never look small. */
  static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
  }
}
