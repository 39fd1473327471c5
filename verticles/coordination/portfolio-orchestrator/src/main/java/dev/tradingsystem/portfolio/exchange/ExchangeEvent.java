package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.Liquidity;

/** What happened to a working order when a trade was matched. */
public sealed interface ExchangeEvent permits ExchangeEvent.Fill, ExchangeEvent.Expiry {

  OrderTicket ticket();

  /** Cumulative filled quantity after this event. */
  long filledQuantity();

  /**
   * A (partial) fill.
   *
   * @param fillNumber 1 for the order's first fill: deterministic execution ids
   * @param price fill price in price units
   * @param quantity filled size units
   * @param feeMicros fee in micros of the quote currency
   */
  record Fill(OrderTicket ticket, int fillNumber, long price, long quantity, long feeMicros,
      Liquidity liquidity, long filledQuantity, long leavesQuantity) implements ExchangeEvent {
  }

  /** An immediate (IOC/FOK) order whose unfilled rest was dropped. */
  record Expiry(OrderTicket ticket, long filledQuantity, String reason) implements ExchangeEvent {
  }
}
