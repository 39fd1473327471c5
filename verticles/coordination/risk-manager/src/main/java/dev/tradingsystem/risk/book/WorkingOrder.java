package dev.tradingsystem.risk.book;

import dev.tradingsystem.proto.Instrument;

/** An order that may still trade: what a halt has to cancel. */
public record WorkingOrder(String orderId, String strategyId, Instrument instrument) {
}
