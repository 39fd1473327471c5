package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.Side;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a strategy's orders completed (filled) between two ticks, read from the portfolio
 * snapshots alone (the framework never reads execution reports, so replays decide alike): an
 * order the strategy placed or saw working, and did not cancel, that is gone from the snapshot
 * while the position moved in its direction. An order that vanished without the position moving
 * was refused by the risk gate or the venue, or cancelled by the kill switch. Partial fills are
 * not completions (Hummingbot starts {@code filled_order_delay} on completed orders only). Not
 * thread-safe: one owner.
 */
public final class FillWatch {

  private final Map<String, Side> expected = new LinkedHashMap<>();
  private long lastPosition;
  private boolean primed;

  /** The strategy sent an order that will carry this id. */
  public void placed(String orderId, Side side) {
    expected.put(orderId, side);
  }

  /** The strategy asked to cancel this order: its disappearance is no fill. */
  public void cancelled(String orderId) {
    expected.remove(orderId);
  }

  /**
   * Compares the snapshot of this tick with what was expected: the ids of completed orders,
   * sorted. Afterwards the working orders are what is expected next.
   */
  public Set<String> completed(StrategyBook book) {
    Set<String> working = new HashSet<>();
    for (Order order : book.working()) {
      working.add(order.getOrderId());
    }
    long moved = book.position() - lastPosition;
    Set<String> done = new TreeSet<>();
    if (primed && moved != 0) {
      expected.forEach((id, side) -> {
        if (!working.contains(id) && (side == Side.BUY) == (moved > 0)) {
          done.add(id);
        }
      });
    }
    expected.clear();
    for (Order order : book.working()) {
      expected.put(order.getOrderId(), order.getSide());
    }
    lastPosition = book.position();
    primed = true;
    return done;
  }
}
