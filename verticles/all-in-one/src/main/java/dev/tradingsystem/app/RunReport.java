package dev.tradingsystem.app;

import dev.tradingsystem.shared.ServiceNames;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * The end-of-run report, assembled from the services' own stats. Machine-readable keys are a
 * contract ({@code --report FILE.json}); the text form is for people.
 */
public final class RunReport {

  private final JsonObject json;

  private RunReport(JsonObject json) {
    this.json = json;
  }

  /** Builds the report from each service's stats (missing services give empty sections). */
  public static RunReport from(Map<String, JsonObject> stats, double durationSeconds) {
    JsonObject collector = section(stats, ServiceNames.DATA_COLLECTOR);
    JsonObject coordinator = section(stats, ServiceNames.MCP_COORDINATOR);
    JsonObject portfolio = section(stats, ServiceNames.PORTFOLIO);
    JsonObject risk = section(stats, ServiceNames.RISK_MANAGER);
    JsonObject latency = portfolio.getJsonObject("latency", new JsonObject());
    long ticks = collector.getLong("ticks", 0L);
    JsonObject json = new JsonObject()
        .put("source", collector.getString("source", ""))
        .put("ticks", ticks)
        .put("rejected", collector.getLong("rejected", 0L))
        .put("rejectedByReason", collector.getJsonObject("rejectedByReason", new JsonObject()))
        .put("signalsByAgent", coordinator.getJsonObject("signalsByAgent", new JsonObject()))
        .put("degradedByAgent", coordinator.getJsonObject("degradedByAgent", new JsonObject()))
        .put("decisions", coordinator.getLong("decisions", 0L))
        .put("orders", portfolio.getLong("orders", 0L))
        .put("fills", portfolio.getLong("fills", 0L))
        .put("cancels", portfolio.getLong("cancels", 0L))
        .put("fees", portfolio.getDouble("fees", 0.0))
        .put("realizedPnl", portfolio.getDouble("realizedPnl", 0.0))
        .put("unrealizedPnl", portfolio.getDouble("unrealizedPnl", 0.0))
        .put("equity", portfolio.getDouble("equity", 0.0))
        .put("maxDrawdown", portfolio.getDouble("maxDrawdown", 0.0))
        .put("latency", new JsonObject()
            .put("unit", "microseconds")
            .put("count", latency.getLong("count", 0L))
            .put("p50", latency.getLong("p50", 0L))
            .put("p99", latency.getLong("p99", 0L))
            .put("p999", latency.getLong("p999", 0L))
            .put("max", latency.getLong("max", 0L)))
        .put("ordersDigest", portfolio.getString("ordersDigest", ""))
        .put("risk", new JsonObject()
            .put("approved", risk.getLong("approved", 0L))
            .put("rejected", risk.getLong("rejected", 0L))
            .put("rejectedByCode", risk.getJsonObject("rejectedByCode", new JsonObject()))
            .put("tradingState", risk.getString("tradingState", "")))
        .put("frameworks", new JsonObject()
            .put(ServiceNames.FREQTRADE, section(stats, ServiceNames.FREQTRADE))
            .put(ServiceNames.HUMMINGBOT, section(stats, ServiceNames.HUMMINGBOT)))
        .put("barrierTimeouts", collector.getLong("barrierTimeouts", 0L))
        .put("durationSeconds", round(durationSeconds))
        .put("ticksPerSecond", durationSeconds > 0 ? Math.round(ticks / durationSeconds) : 0);
    return new RunReport(json);
  }

  public JsonObject toJson() {
    return json.copy();
  }

  /** A short table for the terminal. */
  public String toText() {
    JsonObject latency = json.getJsonObject("latency");
    StringBuilder out = new StringBuilder();
    out.append("\n=== trading-system run report ===\n");
    line(out, "source", json.getString("source"));
    line(out, "ticks", json.getLong("ticks") + " (" + json.getLong("ticksPerSecond") + "/s, "
        + json.getDouble("durationSeconds") + " s)");
    line(out, "rejected", json.getLong("rejected") + " " + json.getJsonObject("rejectedByReason").encode());
    line(out, "signals by agent", json.getJsonObject("signalsByAgent").encode());
    line(out, "orders / fills", json.getLong("orders") + " / " + json.getLong("fills")
        + " (cancels " + json.getLong("cancels") + ")");
    line(out, "risk approved/rejected", json.getJsonObject("risk").getLong("approved") + " / "
        + json.getJsonObject("risk").getLong("rejected") + " " + json.getJsonObject("risk").getJsonObject("rejectedByCode").encode());
    line(out, "fees", money(json.getDouble("fees")));
    line(out, "realized P&L", money(json.getDouble("realizedPnl")));
    line(out, "unrealized P&L", money(json.getDouble("unrealizedPnl")));
    line(out, "equity", money(json.getDouble("equity")));
    line(out, "max drawdown", String.format(Locale.ROOT, "%.4f%%", json.getDouble("maxDrawdown") * 100));
    line(out, "tick-to-order (µs)", "p50 " + latency.getLong("p50") + "  p99 " + latency.getLong("p99")
        + "  p99.9 " + latency.getLong("p999") + "  (n=" + latency.getLong("count") + ")");
    line(out, "orders digest", json.getString("ordersDigest"));
    if (json.getLong("barrierTimeouts") > 0) {
      line(out, "barrier timeouts", json.getLong("barrierTimeouts") + " (replay was not strictly deterministic)");
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "%-24s %s%n", label, value));
  }

  private static String money(double value) {
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }

  private static JsonObject section(Map<String, JsonObject> stats, String service) {
    JsonObject section = stats.get(service);
    return section == null ? new JsonObject() : section;
  }
}
