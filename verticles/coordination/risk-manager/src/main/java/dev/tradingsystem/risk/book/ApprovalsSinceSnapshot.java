package dev.tradingsystem.risk.book;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.risk.rules.IntentMath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per strategy, the new orders approved after the latest portfolio snapshot: they are not yet
 * among the snapshot's open orders, so the strategy's exposure must add them. Kept per strategy
 * because a verdict may only see the asking strategy's own approvals, never another's from the
 * same tick. Not thread-safe: one owner context.
 */
final class ApprovalsSinceSnapshot {

  private final Map<String, Map<String, PendingApproval>> byStrategy = new HashMap<>();

  /** Records an approved new order against the snapshot of {@code snapshotSeq}. */
  void add(OrderIntent intent, long snapshotSeq) {
    byStrategy.computeIfAbsent(intent.getStrategyId(), s -> new LinkedHashMap<>())
        .put(intent.getIntentId(), new PendingApproval(intent.getIntentId(), intent.getStrategyId(), intent.getInstrument(),
            intent.getSide(), intent.getQuantity(), IntentMath.notionalMicros(intent), snapshotSeq, ""));
  }

  /** The portfolio accepted the approved order under this id. */
  void confirm(OrderIntent intent, String orderId) {
    Map<String, PendingApproval> byIntent = byStrategy.get(intent.getStrategyId());
    if (byIntent != null) {
      byIntent.computeIfPresent(intent.getIntentId(), (id, p) -> p.withOrderId(orderId));
    }
  }

  /** The approval never became an order. */
  void remove(OrderIntent intent) {
    Map<String, PendingApproval> byIntent = byStrategy.get(intent.getStrategyId());
    if (byIntent != null) {
      byIntent.remove(intent.getIntentId());
    }
  }

  /** A snapshot of {@code seq} contains every order approved against an older one. */
  void settledBy(long seq) {
    byStrategy.values().forEach(byIntent -> byIntent.values().removeIf(p -> p.snapshotSeq() < seq));
    byStrategy.values().removeIf(Map::isEmpty);
  }

  /** The approvals of one strategy, oldest first. */
  List<PendingApproval> of(String strategyId) {
    Map<String, PendingApproval> byIntent = byStrategy.get(strategyId);
    return byIntent == null ? List.of() : List.copyOf(byIntent.values());
  }

  /** Quantity the strategy's approvals add on one side of one symbol. */
  long quantity(String strategyId, String symbol, Side side) {
    long quantity = 0;
    for (PendingApproval p : of(strategyId)) {
      if (p.instrument().getSymbol().equals(symbol) && p.side() == side) {
        quantity += p.quantity();
      }
    }
    return quantity;
  }

  /** Notional the strategy's approvals add (absolute micros). */
  long notionalMicros(String strategyId) {
    long total = 0;
    for (PendingApproval p : of(strategyId)) {
      total += p.notionalMicros();
    }
    return total;
  }

  /** Every approval, of any strategy, that the portfolio accepted as an order. */
  List<PendingApproval> accepted() {
    List<PendingApproval> result = new ArrayList<>();
    for (Map<String, PendingApproval> byIntent : byStrategy.values()) {
      for (PendingApproval p : byIntent.values()) {
        if (!p.orderId().isEmpty()) {
          result.add(p);
        }
      }
    }
    return result;
  }
}
