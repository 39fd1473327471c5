package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.trade.TradeStats;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.PairLock;
import dev.tradingsystem.frameworks.runtime.RiskStance;
import dev.tradingsystem.shared.money.FixedPoint;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/**
 * The strategies' part of the run report: {@code strategies.<id>} with decisions, errors, paused
 * (and why), open and closed trades, wins, net profit, closes by exit type, entries refused by a
 * lock, the risk stand-downs and the locks in force; {@code paused} lists paused strategy ids;
 * {@code errors} adds the contained strategy exceptions to the pipeline's own; {@code risk} has the
 * trading state, the alerts held, the latest stance and the stand-down totals
 * ({@code entriesSkippedByRisk} counts skipped entries and DCA adds).
 */
final class DeskReport {

  private DeskReport() {
  }

  static JsonObject addTo(JsonObject base, StrategyDesk desk) {
    JsonObject strategies = new JsonObject();
    JsonArray paused = new JsonArray();
    long strategyErrors = 0;
    long skipped = 0;
    long cut = 0;
    long held = 0;
    for (StrategyBot bot : desk.bots()) {
      StrategySpec spec = bot.spec();
      TradeStats stats = bot.manager().stats();
      JsonArray locks = new JsonArray();
      for (PairLock lock : bot.locks()) {
        locks.add(new JsonObject().put("pair", lock.pair()).put("untilUs", lock.untilMicros())
            .put("reason", lock.reason()).put("side", lock.side() == null ? "*" : lock.side().label()));
      }
      strategies.put(spec.id(), new JsonObject()
          .put("strategy", spec.type())
          .put("pairs", spec.pairs().isEmpty() ? new JsonArray().add("*") : new JsonArray(spec.pairs().stream().toList()))
          .put("decisions", bot.decisions())
          .put("errors", bot.errors())
          .put("paused", bot.paused())
          .put("pausedReason", bot.pausedReason())
          .put("openTrades", bot.openTrades())
          .put("closedTrades", stats.closedTrades())
          .put("wins", stats.wins())
          .put("profit", FixedPoint.microsToDouble(stats.profitMicros()))
          .put("exits", new JsonObject(new LinkedHashMap<>(stats.exits())))
          .put("lockedEntries", stats.lockedEntries())
          .put("adjustmentsRefused", stats.adjustmentsRefused())
          .put("entriesSkippedByRisk", stats.entriesSkippedByRisk())
          .put("addsSkippedByRisk", stats.addsSkippedByRisk())
          .put("entriesCutByRisk", stats.entriesCutByRisk())
          .put("exitsHeldByRisk", stats.exitsHeldByRisk())
          .put("locks", locks));
      if (bot.paused()) {
        paused.add(spec.id());
      }
      strategyErrors += bot.errors();
      skipped += stats.entriesSkippedByRisk() + stats.addsSkippedByRisk();
      cut += stats.entriesCutByRisk();
      held += stats.exitsHeldByRisk();
    }
    return base.put("errors", base.getLong("errors", 0L) + strategyErrors)
        .put("strategies", strategies)
        .put("paused", paused)
        .put("tradingState", desk.risk().state().name())
        .put("entriesSkippedByRisk", skipped)
        .put("entriesCutByRisk", cut)
        .put("exitsHeldByRisk", held)
        .put("risk", risk(desk));
  }

  private static JsonObject risk(StrategyDesk desk) {
    JsonObject alerts = new JsonObject();
    desk.risk().heldAlerts().forEach((symbol, codes) -> alerts.put(symbol, new JsonArray(codes)));
    RiskStance stance = desk.lastStance();
    return new JsonObject()
        .put("alertsHeld", alerts)
        .put("lastStance", new JsonObject().put("posture", stance.posture().name())
            .put("sizeFactor", stance.sizeFactor()).put("reason", stance.reason()));
  }
}
