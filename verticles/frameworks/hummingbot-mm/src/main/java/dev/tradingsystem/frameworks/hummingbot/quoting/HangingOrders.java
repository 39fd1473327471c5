package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.Order;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hummingbot's hanging orders: the bid and ask of one proposal level form a pair; when one of
 * them completes, the other is left resting ("hanging") instead of being cancelled at the next
 * refresh, so the round trip can still complete. A hanging order is cancelled once its price is
 * more than {@code hanging_orders_cancel_pct} away from the mid. New pairs replace old ones each
 * time a proposal is placed. Not thread-safe: one owner.
 */
public final class HangingOrders {

  private record Pair(String buyOrderId, String sellOrderId) {
  }

  private final double cancelPct;
  private final List<Pair> pairs = new ArrayList<>();
  private final Set<String> hanging = new LinkedHashSet<>();

  /** @param cancelPct distance from the mid, in percent, beyond which a hanging order is cancelled */
  public HangingOrders(double cancelPct) {
    this.cancelPct = cancelPct;
  }

  /** A proposal was placed: its bids and asks pair up by level. */
  public void placedPairs(List<String> buyOrderIds, List<String> sellOrderIds) {
    pairs.clear();
    for (int i = 0; i < Math.min(buyOrderIds.size(), sellOrderIds.size()); i++) {
      pairs.add(new Pair(buyOrderIds.get(i), sellOrderIds.get(i)));
    }
  }

  /** Orders completed: the other side of each partly executed pair starts hanging. */
  public void onCompleted(Set<String> completed) {
    for (Pair pair : pairs) {
      boolean buyDone = completed.contains(pair.buyOrderId());
      boolean sellDone = completed.contains(pair.sellOrderId());
      if (buyDone != sellDone) {
        hanging.add(buyDone ? pair.sellOrderId() : pair.buyOrderId());
      }
    }
  }

  /** Forgets hanging orders that are no longer working. */
  public void retain(Set<String> workingIds) {
    hanging.retainAll(workingIds);
  }

  public boolean isHanging(String orderId) {
    return hanging.contains(orderId);
  }

  public Set<String> hanging() {
    return Set.copyOf(hanging);
  }

  /** Whether a hanging order has drifted beyond the cancel distance from {@code mid}. */
  public boolean tooFar(double price, double mid) {
    return Math.abs(price - mid) * 100 > cancelPct * mid;
  }

  /** The hanging orders among {@code working}, in their order. */
  public List<Order> among(List<Order> working) {
    return working.stream().filter(o -> hanging.contains(o.getOrderId())).toList();
  }
}
