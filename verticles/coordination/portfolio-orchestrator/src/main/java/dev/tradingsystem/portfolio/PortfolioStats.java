package dev.tradingsystem.portfolio;

import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.shared.money.FixedPoint;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/**
 * The run-report view of the portfolio: counts, money in quote currency as decimal numbers,
 * drawdown as a fraction, tick-to-order latency in microseconds and the orders digest.
 *
 * <p>Built on the verticle's context when asked over {@code services.stats.<name>}; the
 * {@code /api/status} page calls it from the HTTP event loop, where it reads the immutable latest
 * snapshot and a few counters that may be one trade apart, which a status page tolerates.
 */
final class PortfolioStats {

  private PortfolioStats() {
  }

  static JsonObject of(PortfolioEngine engine, PortfolioMetrics metrics) {
    PortfolioState state = engine.latest();
    return new JsonObject()
        .put("orders", engine.orders())
        .put("fills", engine.fills())
        .put("cancels", engine.cancels())
        .put("rejected", engine.rejected())
        .put("rejectedByCode", new JsonObject(new LinkedHashMap<>(engine.rejectedByCode())))
        .put("bookIssues", new JsonObject(new LinkedHashMap<>(engine.bookIssues())))
        .put("fees", FixedPoint.microsToDouble(state.getFeesMicros()))
        .put("realizedPnl", FixedPoint.microsToDouble(state.getRealizedPnlMicros()))
        .put("unrealizedPnl", FixedPoint.microsToDouble(state.getUnrealizedPnlMicros()))
        .put("equity", FixedPoint.microsToDouble(state.getEquityMicros()))
        .put("maxDrawdown", state.getMaxDrawdown())
        .put("openOrders", state.getOpenOrdersCount())
        .put("lastSeq", engine.lastTradeSeq())
        .put("eventTimeUs", engine.nowMicros())
        .put("latency", metrics.tickToOrder().summary())
        .put("ordersDigest", engine.ordersDigest());
  }
}
