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

  /**
   * The price the order's notional is valued at: the limit, or for a market order the
   * framework's reference price (which the collar keeps within the collar of the gate's own
   * reference, so the valuation is off by at most the collar).
   */
  public static long valuationPrice(OrderIntent intent) {
    return intent.getType() == OrderType.LIMIT ? intent.getPrice() : intent.getReferencePrice();
  }

  /** Notional of a new order in micros of quote currency. */
  public static long notionalMicros(OrderIntent intent) {
    return FixedPoint.notionalMicros(valuationPrice(intent), intent.getQuantity(), intent.getInstrument());
  }

  /** Notional of {@code quantity} at the order's valuation price; saturates instead of overflowing. */
  public static long notionalMicros(OrderIntent intent, long quantity) {
    try {
      return FixedPoint.notionalMicros(valuationPrice(intent), Math.abs(quantity), intent.getInstrument());
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
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

  /**
   * Risk-reducing: position-reducing as above, or flagged reduce-only (the portfolio clips a
   * reduce-only order to the position and refuses one that would open or add).
   */
  public static boolean riskReducing(OrderIntent intent, RiskView view) {
    return intent.getReduceOnly() || reducesPosition(intent, view);
  }

  /**
   * The largest position, in size units and in the order's direction, the order could leave if
   * it and every working order on its side filled: {@code position + working + quantity} for a
   * buy, {@code -position + working + quantity} for a sell. Negative when it stays on the other side.
   */
  public static long projectedInDirection(OrderIntent intent, long position, long working) {
    long signed = intent.getSide() == Side.BUY ? position : -position;
    return saturatedAdd(saturatedAdd(signed, working), intent.getQuantity());
  }

  /** Sum that sticks at Long.MAX_VALUE instead of wrapping: an absurd size must never look small. */
  static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
  }
}
