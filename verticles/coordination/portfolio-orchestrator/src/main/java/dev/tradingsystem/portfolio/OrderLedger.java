package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.exchange.OrderTicket;
import dev.tradingsystem.portfolio.order.OrderMessages;
import dev.tradingsystem.portfolio.order.OrdersDigest;
import dev.tradingsystem.portfolio.order.Rejection;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The portfolio's order bookkeeping: working orders, every accepted order's latest state, the
 * intents already placed, the strategies seen, the orders digest and the order counters. The
 * engine updates it live; {@link JournalRecovery} rebuilds it from the journal with the same
 * methods. Single-threaded.
 */
final class OrderLedger {

  private final OrdersDigest digest = new OrdersDigest();
  private final Map<String, Order> openOrders = new HashMap<>();
  private final Set<String> placedIntents = new HashSet<>();
  /** Every accepted order's latest known state: a retried placement is answered from here. */
  private final Map<String, Order> knownOrders = new HashMap<>();
  private final SortedSet<String> strategies = new TreeSet<>();
  private final SortedMap<String, Long> rejectedByCode = new TreeMap<>();
  private long fills;
  private long cancels;
  private long rejected;
  private long idempotentReplies;

  /** An order accepted onto the exchange (live or from the journal). */
  void accepted(OrderTicket ticket, Order order) {
    placedIntents.add(ticket.intentId());
    strategies.add(ticket.strategyId());
    digest.record(ticket);
    openOrders.put(ticket.orderId(), order);
    knownOrders.put(ticket.orderId(), order);
  }

  /** An update a trade caused: still working only when partially filled. */
  void traded(Order updated) {
    knownOrders.put(updated.getOrderId(), updated);
    if (updated.getStatus() == OrderStatus.PARTIALLY_FILLED) {
      openOrders.put(updated.getOrderId(), updated);
    } else {
      openOrders.remove(updated.getOrderId());
    }
    if (updated.getStatus() == OrderStatus.CANCELLED) {
      cancels++;
    }
  }

  /** A journaled update, from a tick or outside one; true when the order is done (no longer working). */
  boolean recovered(Order order) {
    String orderId = order.getOrderId();
    if (order.getStatus() != OrderStatus.REJECTED) {
      knownOrders.put(orderId, order);
    }
    boolean working = order.getStatus() == OrderStatus.ACCEPTED || order.getStatus() == OrderStatus.PARTIALLY_FILLED;
    if (working) {
      openOrders.computeIfPresent(orderId, (id, old) -> order);
      return false;
    }
    openOrders.remove(orderId);
    if (order.getStatus() == OrderStatus.CANCELLED) {
      cancels++;
    }
    return true;
  }

  /** A working order cancelled or expired outside a trade. */
  void closed(Order order) {
    openOrders.remove(order.getOrderId());
    knownOrders.put(order.getOrderId(), order);
    if (order.getStatus() == OrderStatus.CANCELLED) {
      cancels++;
    }
  }

  /** A cancel the venue no longer had the order for: it is not working any more. */
  void gone(String orderId) {
    openOrders.remove(orderId);
  }

  void filled() {
    fills++;
  }

  void idempotentReply() {
    idempotentReplies++;
  }

  Order rejected(ApprovedOrder approved, String orderId, Rejection rejection) {
    rejected++;
    rejectedByCode.merge(rejection.code().name(), 1L, Long::sum);
    return OrderMessages.rejected(approved, orderId, rejection);
  }

  boolean placed(String intentId) {
    return placedIntents.contains(intentId);
  }

  Order known(String orderId) {
    return knownOrders.get(orderId);
  }

  Order open(String orderId) {
    return openOrders.get(orderId);
  }

  Map<String, Order> openOrders() {
    return Collections.unmodifiableMap(openOrders);
  }

  boolean isEmpty() {
    return knownOrders.isEmpty();
  }

  SortedSet<String> strategies() {
    return Collections.unmodifiableSortedSet(strategies);
  }

  OrdersDigest digest() {
    return digest;
  }

  long fills() {
    return fills;
  }

  long cancels() {
    return cancels;
  }

  long rejectedCount() {
    return rejected;
  }

  Map<String, Long> rejectedByCode() {
    return Collections.unmodifiableSortedMap(rejectedByCode);
  }

  long idempotentReplies() {
    return idempotentReplies;
  }
}
