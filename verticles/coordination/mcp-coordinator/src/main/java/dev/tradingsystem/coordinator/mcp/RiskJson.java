package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.coordinator.risk.RiskDamper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/**
 * The {@link RiskDamper} as JSON, the same in {@code get_risk_state} ({@code sizeHaircut}) and in
 * the coordinator's stats ({@code risk}): {@code {tradingState, warningHaircut, holdSeconds,
 * alertsHeld[{symbol, code, severity, until}], lastHaircutBySymbol{}, dampedDecisions,
 * blockedDecisions}}; {@code symbol "*"} is every symbol, {@code until} null for an alert whose
 * hold starts at the next market event.
 */
public final class RiskJson {

  private RiskJson() {
  }

  public static JsonObject of(RiskDamper.View view) {
    JsonArray held = new JsonArray();
    for (RiskDamper.HeldAlert alert : view.held()) {
      held.add(new JsonObject()
          .put("symbol", alert.symbol().isEmpty() ? "*" : alert.symbol())
          .put("code", alert.code())
          .put("severity", alert.severity().name())
          .put("until", alert.untilUs() == null ? null : TradingJson.time(alert.untilUs())));
    }
    return new JsonObject()
        .put("tradingState", view.tradingState().name())
        .put("warningHaircut", view.warningHaircut())
        .put("holdSeconds", view.holdMicros() / 1e6)
        .put("alertsHeld", held)
        .put("lastHaircutBySymbol", new JsonObject(new LinkedHashMap<>(view.lastHaircut())))
        .put("dampedDecisions", view.dampedDecisions())
        .put("blockedDecisions", view.blockedDecisions());
  }
}
