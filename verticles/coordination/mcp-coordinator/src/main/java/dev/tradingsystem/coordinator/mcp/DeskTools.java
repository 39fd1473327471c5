package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.coordinator.risk.RiskDamper;
import dev.tradingsystem.coordinator.state.DeskWatch;
import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.ToolResult;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.StrategyAllocation;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desk as the coordinator follows it: {@code get_positions} from the latest
 * {@code portfolio.state}, {@code get_risk_state} from {@code risk.status}, {@code risk.alerts}
 * the coordinator's own {@link RiskDamper} (the size haircut it puts on every consensus) and the
 * risk-manager's own stats. Money is shown in quote currency (decimal), sizes and prices
 * in instrument units converted by the instrument's scales: display values, not order-path values.
 */
final class DeskTools {

  private final Vertx vertx;
  private final DeskWatch desk;
  private final RiskDamper damper;
  private final long riskStatsTimeoutMs;

  DeskTools(Vertx vertx, DeskWatch desk, RiskDamper damper, long riskStatsTimeoutMs) {
    this.vertx = vertx;
    this.desk = desk;
    this.damper = damper;
    this.riskStatsTimeoutMs = riskStatsTimeoutMs;
  }

  List<McpTool> tools() {
    return List.of(positions(), risk());
  }

  private McpTool positions() {
    return McpTool.readOnly("get_positions")
        .title("Positions and P&L")
        .description("The latest portfolio snapshot: cash, equity, realized and unrealized P&L, fees, drawdown, "
            + "each strategy's position per symbol (signed quantity, cost, mark price, P&L), working orders and "
            + "strategy allocations. Money is in quote currency; the snapshot is the one published after the "
            + "market event it names.")
        .input(InputSchema.object())
        .handle(call -> Future.succeededFuture(desk.portfolio()
            .map(state -> ToolResult.json(portfolio(state)))
            .orElseGet(() -> ToolResult.error("No portfolio snapshot yet: the portfolio-orchestrator publishes "
                + "one on portfolio.state after each market event"))))
        .build();
  }

  private McpTool risk() {
    return McpTool.readOnly("get_risk_state")
        .title("Risk state")
        .description("The trading state (ACTIVE, REDUCING: only risk-reducing orders, HALTED: cancels only) with "
            + "the reason of its last change, the most recent risk alerts (newest first) with counts by severity, "
            + "the size haircut the coordinator puts on every consensus because of them (0 trades normally, 0.5 "
            + "halves new stakes and quotes, 1 opens nothing new; the alerts it holds, the last haircut per symbol) "
            + "and the risk-manager's counters (checks, approvals, rejections by code) when it answers.")
        .input(InputSchema.object())
        .handleJson(call -> ServiceStats.fetch(vertx, ServiceNames.RISK_MANAGER, riskStatsTimeoutMs)
            .map(stats -> new JsonObject().put("available", true).put("stats", stats))
            .recover(failure -> Future.succeededFuture(new JsonObject().put("available", false)
                .put("reason", String.valueOf(failure.getMessage()))))
            .map(this::riskState))
        .build();
  }

  private JsonObject riskState(JsonObject riskManager) {
    JsonObject state = new JsonObject();
    TradingStatus status = desk.status().orElse(null);
    if (status != null) {
      state.put("tradingState", status.getState().name())
          .put("reason", status.getReason())
          .put("changedAt", TradingJson.time(status.getChangedAtUs()))
          .put("source", "risk.status");
    } else if (riskManager.getBoolean("available") && riskManager.getJsonObject("stats").containsKey("tradingState")) {
      state.put("tradingState", riskManager.getJsonObject("stats").getString("tradingState"))
          .put("source", "risk-manager stats (no state change seen since the coordinator started)");
    } else {
      state.put("tradingState", null)
          .put("source", "unknown: no state change seen on risk.status and the risk-manager did not answer");
    }
    Map<String, Long> bySeverity = new LinkedHashMap<>();
    for (AlertSeverity severity : List.of(AlertSeverity.INFO, AlertSeverity.WARNING, AlertSeverity.CRITICAL)) {
      bySeverity.put(severity.name(), 0L);
    }
    JsonArray alerts = new JsonArray();
    for (RiskAlert alert : desk.recentAlerts()) {
      bySeverity.merge(alert.getSeverity().name(), 1L, Long::sum);
      alerts.add(new JsonObject()
          .put("severity", alert.getSeverity().name())
          .put("code", alert.getCode())
          .put("message", alert.getMessage())
          .put("symbol", alert.getSymbol())
          .put("tradingState", alert.getTradingState().name())
          .put("event", TradingJson.event(alert.getMeta())));
    }
    return state
        .put("recentAlerts", alerts)
        .put("recentAlertsBySeverity", new JsonObject(new LinkedHashMap<>(bySeverity)))
        .put("alertsSinceStart", desk.alertsSeen())
        .put("sizeHaircut", RiskJson.of(damper.view()))
        .put("riskManager", riskManager);
  }

  static JsonObject portfolio(PortfolioState s) {
    JsonArray positions = new JsonArray();
    for (Position p : s.getPositionsList()) {
      int priceScale = p.getInstrument().getPriceScale();
      positions.add(new JsonObject()
          .put("strategyId", p.getStrategyId())
          .put("symbol", p.getInstrument().getSymbol())
          .put("quantity", FixedPoint.toDouble(p.getQuantity(), p.getInstrument().getSizeScale()))
          .put("cost", FixedPoint.microsToDouble(p.getCostMicros()))
          .put("markPrice", FixedPoint.toDouble(p.getMarkPrice(), priceScale))
          .put("realizedPnl", FixedPoint.microsToDouble(p.getRealizedPnlMicros()))
          .put("unrealizedPnl", FixedPoint.microsToDouble(p.getUnrealizedPnlMicros()))
          .put("fees", FixedPoint.microsToDouble(p.getFeesMicros())));
    }
    JsonArray orders = new JsonArray();
    for (Order o : s.getOpenOrdersList()) {
      int sizeScale = o.getInstrument().getSizeScale();
      orders.add(new JsonObject()
          .put("orderId", o.getOrderId())
          .put("strategyId", o.getStrategyId())
          .put("symbol", o.getInstrument().getSymbol())
          .put("side", o.getSide().name())
          .put("type", o.getType().name())
          .put("price", FixedPoint.toDouble(o.getPrice(), o.getInstrument().getPriceScale()))
          .put("quantity", FixedPoint.toDouble(o.getQuantity(), sizeScale))
          .put("filledQuantity", FixedPoint.toDouble(o.getFilledQuantity(), sizeScale))
          .put("status", o.getStatus().name()));
    }
    JsonArray allocations = new JsonArray();
    for (StrategyAllocation a : s.getAllocationsList()) {
      allocations.add(new JsonObject()
          .put("strategyId", a.getStrategyId())
          .put("capital", FixedPoint.microsToDouble(a.getCapitalMicros()))
          .put("maxNotional", FixedPoint.microsToDouble(a.getMaxNotionalMicros())));
    }
    return new JsonObject()
        .put("cash", FixedPoint.microsToDouble(s.getCashMicros()))
        .put("equity", FixedPoint.microsToDouble(s.getEquityMicros()))
        .put("realizedPnl", FixedPoint.microsToDouble(s.getRealizedPnlMicros()))
        .put("unrealizedPnl", FixedPoint.microsToDouble(s.getUnrealizedPnlMicros()))
        .put("fees", FixedPoint.microsToDouble(s.getFeesMicros()))
        .put("peakEquity", FixedPoint.microsToDouble(s.getPeakEquityMicros()))
        .put("drawdown", TradingJson.finite(s.getDrawdown()))
        .put("maxDrawdown", TradingJson.finite(s.getMaxDrawdown()))
        .put("orders", s.getOrders())
        .put("fills", s.getFills())
        .put("positions", positions)
        .put("openOrders", orders)
        .put("allocations", allocations)
        .put("event", TradingJson.event(s.getMeta()));
  }
}
