package dev.tradingsystem.gateway;

import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.money.FixedPoint;
import io.vertx.core.json.JsonObject;

/**
 * The latest system-wide facts the gateway has seen on the bus: replay progress, trading state
 * and the portfolio summary. Plain state, updated on the gateway's context.
 */
final class SystemView {

  private ReplayProgress replay;
  private TradingStatus tradingStatus;
  private PortfolioState portfolio;

  void onReplay(ReplayProgress progress) {
    replay = progress;
  }

  void onTradingStatus(TradingStatus status) {
    tradingStatus = status;
  }

  void onPortfolio(PortfolioState state) {
    portfolio = state;
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.put("tradingState", tradingStatus == null ? "ACTIVE" : tradingStatus.getState().name());
    if (tradingStatus != null && !tradingStatus.getReason().isEmpty()) {
      json.put("tradingStateReason", tradingStatus.getReason());
    }
    if (replay != null) {
      json.put("replay", new JsonObject()
          .put("source", replay.getSource())
          .put("ticks", replay.getTicks())
          .put("rejected", replay.getRejected())
          .put("completed", replay.getCompleted()));
    }
    if (portfolio != null) {
      json.put("portfolio", new JsonObject()
          .put("seq", portfolio.getMeta().getSeq())
          .put("equity", FixedPoint.microsToDouble(portfolio.getEquityMicros()))
          .put("realizedPnl", FixedPoint.microsToDouble(portfolio.getRealizedPnlMicros()))
          .put("unrealizedPnl", FixedPoint.microsToDouble(portfolio.getUnrealizedPnlMicros()))
          .put("fees", FixedPoint.microsToDouble(portfolio.getFeesMicros()))
          .put("drawdown", portfolio.getDrawdown())
          .put("maxDrawdown", portfolio.getMaxDrawdown())
          .put("openOrders", portfolio.getOpenOrdersCount())
          .put("positions", portfolio.getPositionsCount()));
    }
    return json;
  }
}
