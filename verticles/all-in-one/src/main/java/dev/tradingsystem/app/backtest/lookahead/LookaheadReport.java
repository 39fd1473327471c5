package dev.tradingsystem.app.backtest.lookahead;

import dev.tradingsystem.app.backtest.lookahead.LookaheadCheck.RunOutcome;
import dev.tradingsystem.app.backtest.lookahead.LookaheadCheck.Verdict;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code lookahead} section of the backtest report and its terminal verdict: one
 * {@link Verdict} per strategy that appeared in either run.
 */
public final class LookaheadReport {

  private static final RunOutcome ABSENT = new RunOutcome(List.of(), Map.of());

  private final Map<String, Verdict> verdicts;

  private LookaheadReport(Map<String, Verdict> verdicts) {
    this.verdicts = verdicts;
  }

  /** Judges every strategy of the normal and the shifted run, by strategy id. */
  public static LookaheadReport compare(LookaheadCheck check, Map<String, RunOutcome> normal,
      Map<String, RunOutcome> shifted) {
    Map<String, Verdict> verdicts = new TreeMap<>();
    TreeSet<String> ids = new TreeSet<>(normal.keySet());
    ids.addAll(shifted.keySet());
    for (String id : ids) {
      verdicts.put(id, check.judge(normal.getOrDefault(id, ABSENT), shifted.getOrDefault(id, ABSENT)));
    }
    return new LookaheadReport(verdicts);
  }

  /** The verdicts by strategy id. */
  public Map<String, Verdict> verdicts() {
    return Map.copyOf(verdicts);
  }

  /** True when any strategy is flagged. */
  public boolean anyFlagged() {
    return verdicts.values().stream().anyMatch(Verdict::flagged);
  }

  /** {@code {<strategy>: {flagged, reason, normalTrades, shiftedTrades, normalProfit, shiftedProfit, ...}}}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    for (Map.Entry<String, Verdict> e : verdicts.entrySet()) {
      Verdict v = e.getValue();
      JsonObject delays = new JsonObject();
      v.entryDelaysUs().forEach((pair, us) -> delays.put(pair, us / 1e6));
      json.put(e.getKey(), new JsonObject()
          .put("flagged", v.flagged())
          .put("reason", v.reason())
          .put("normalTrades", v.normal().trades())
          .put("shiftedTrades", v.shifted().trades())
          .put("normalProfit", v.normal().profit())
          .put("shiftedProfit", v.shifted().profit())
          .put("normalProfitTStat", v.normal().profitTStat())
          .put("earlyEntries", new JsonArray(v.earlyEntries()))
          .put("firstEntryDelaySeconds", delays));
    }
    return json;
  }

  /** One line per strategy and the overall verdict. */
  public String toText() {
    StringBuilder out = new StringBuilder("\n=== lookahead check (inputs one market event late) ===\n");
    out.append(String.format(Locale.ROOT, "%-34s %8s %8s %12s %12s  %s%n", "strategy", "trades", "shifted",
        "profit", "shifted", "verdict"));
    for (Map.Entry<String, Verdict> e : verdicts.entrySet()) {
      Verdict v = e.getValue();
      out.append(String.format(Locale.ROOT, "%-34s %8d %8d %12.2f %12.2f  %s%n", e.getKey(), v.normal().trades(),
          v.shifted().trades(), v.normal().profit(), v.shifted().profit(),
          v.flagged() ? "LOOKAHEAD SUSPECTED: " + v.reason() : "ok"));
    }
    long flagged = verdicts.values().stream().filter(Verdict::flagged).count();
    out.append(flagged == 0 ? "no strategy shows lookahead bias\n"
        : flagged + " strateg" + (flagged == 1 ? "y" : "ies") + " flagged for lookahead bias\n");
    return out.toString();
  }
}
