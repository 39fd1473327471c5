package dev.tradingsystem.portfolio;

import dev.tradingsystem.proto.AllocationState;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.shared.money.FixedPoint;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run-report view of the portfolio: counts, money in quote currency as decimal numbers,
 * drawdown as a fraction, tick-to-order latency in microseconds, the orders digest, the allocation
 * in force and the realised P&amp;L attributed to each agent ({@code pnlByAgent}, {@code unattributed}).
 *
 * <p>Built on the verticle's context when asked over {@code services.stats.<name>}; the
 * {@code /api/status} page calls it from the HTTP event loop, where it reads the immutable latest
 * snapshot and a few counters that may be one trade apart, which a status page tolerates.
 */
final class PortfolioStats {

  private PortfolioStats() {
  }

  static JsonObject of(PortfolioEngine engine, PortfolioMetrics metrics, CapitalDesk desk) {
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
        .put("ordersDigest", engine.ordersDigest())
        .put("allocation", allocation(desk.allocations(null)))
        .put("pnlByAgent", usdByName(desk.pnlByAgent()))
        .put("unattributed", FixedPoint.microsToDouble(desk.unattributedMicros()))
        .put("attributions", desk.attributions());
  }

  private static JsonObject allocation(AllocationState state) {
    JsonObject budgets = new JsonObject();
    state.getAllocationsList().forEach(a -> budgets.put(a.getStrategyId(), new JsonObject()
        .put("capital", FixedPoint.microsToDouble(a.getCapitalMicros()))
        .put("maxNotional", FixedPoint.microsToDouble(a.getMaxNotionalMicros()))));
    return new JsonObject()
        .put("policy", state.getPolicy())
        .put("reason", state.getReason())
        .put("changedAtUs", state.getChangedAtUs())
        .put("budgets", budgets);
  }

  private static JsonObject usdByName(Map<String, Long> micros) {
    JsonObject json = new JsonObject();
    micros.forEach((name, value) -> json.put(name, FixedPoint.microsToDouble(value)));
    return json;
  }
}
