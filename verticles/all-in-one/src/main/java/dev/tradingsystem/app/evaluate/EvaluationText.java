package dev.tradingsystem.app.evaluate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The readable form of an {@link EvaluationReport}, rendered from its JSON so that the table and
 * the file can never disagree.
 */
public final class EvaluationText {

  private EvaluationText() {
  }

  public static String render(JsonObject report) {
    StringBuilder out = new StringBuilder("=== trading-system evaluate ===\n");
    for (Object note : report.getJsonArray("notes")) {
      out.append("note: ").append(note).append('\n');
    }
    JsonObject agents = report.getJsonObject("agents");
    for (String agent : agents.fieldNames()) {
      JsonObject section = agents.getJsonObject(agent);
      out.append('\n');
      if (!"evaluated".equals(section.getString("status"))) {
        out.append(agent).append(": skipped: ").append(section.getString("reason")).append('\n');
      } else if (section.containsKey("headlineThreshold")) {
        sentiment(out, agent, section);
      } else if (section.containsKey("forecasters")) {
        forecast(out, agent, section);
      } else {
        directional(out, agent, section);
      }
    }
    return out.toString();
  }

  private static void sentiment(StringBuilder out, String agent, JsonObject s) {
    line(out, "%s (%s, headline threshold %.2f)", agent, s.getString("model"), s.getDouble("headlineThreshold"));
    for (Object item : s.getJsonArray("datasets")) {
      JsonObject set = (JsonObject) item;
      JsonObject model = set.getJsonObject("model");
      JsonObject base = set.getJsonObject("majorityBaseline");
      line(out, "  %s: %d rows (%s)", set.getString("name"), set.getLong("n"), set.getString("file"));
      line(out, "    %-26s %9s %12s %9s", "", "accuracy", "weighted F1", "macro F1");
      line(out, "    %-26s %9.4f %12.4f %9.4f", "model", model.getDouble("accuracy"), model.getDouble("weightedF1"),
          model.getDouble("macroF1"));
      line(out, "    %-26s %9.4f %12.4f %9.4f", "majority class (" + base.getString("label") + ")",
          base.getDouble("accuracy"), base.getDouble("weightedF1"), base.getDouble("macroF1"));
      JsonObject published = set.getJsonObject("published");
      if (published != null) {
        line(out, "    %-26s %9s %7.2f-%.2f", "FinGPT published (FPB)", "", published.getDouble("low"),
            published.getDouble("high"));
      }
      JsonObject perClass = model.getJsonObject("perClass");
      StringBuilder classes = new StringBuilder("    per class P/R/F1:");
      for (String label : perClass.fieldNames()) {
        JsonObject c = perClass.getJsonObject(label);
        classes.append(String.format(Locale.ROOT, " %s %.3f/%.3f/%.3f (n=%d)", label, c.getDouble("precision"),
            c.getDouble("recall"), c.getDouble("f1"), c.getLong("support")));
      }
      out.append(classes).append('\n');
      line(out, "    verdict: %s", set.getString("verdict"));
    }
  }

  private static void forecast(StringBuilder out, String agent, JsonObject s) {
    JsonObject data = s.getJsonObject("data");
    line(out, "%s (%s) on %s %s: %d-s candles, horizon %d candles, %d points %s..%s, baseline window %d",
        agent, s.getString("model"), data.getString("venue"), data.getString("symbol"), s.getInteger("candleSeconds"),
        s.getInteger("horizonCandles"), s.getInteger("points"), s.getString("firstPoint"), s.getString("lastPoint"),
        s.getInteger("baselineWindow"));
    JsonArray levels = s.getJsonArray("levels");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "    %-12s %10s", "", "CRPS"));
    for (Object level : levels) {
      header.append(String.format(Locale.ROOT, " %11s", String.format(Locale.ROOT, "pinball%.2f", (Double) level)));
    }
    header.append(String.format(Locale.ROOT, " %9s %10s", "coverage", "width"));
    out.append(header).append('\n');
    JsonObject forecasters = s.getJsonObject("forecasters");
    for (String name : forecasters.fieldNames()) {
      JsonObject f = forecasters.getJsonObject(name);
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "    %-12s %10.3e", name, f.getDouble("crps")));
      for (String level : f.getJsonObject("pinball").fieldNames()) {
        row.append(String.format(Locale.ROOT, " %11.3e", f.getJsonObject("pinball").getDouble(level)));
      }
      row.append(String.format(Locale.ROOT, " %9.4f %10.3e", f.getDouble("coverage"), f.getDouble("meanWidth")));
      out.append(row).append('\n');
    }
    line(out, "    verdict: %s", s.getString("verdict"));
  }

  private static void directional(StringBuilder out, String agent, JsonObject s) {
    line(out, "%s (%s)", agent, s.getString("model"));
    for (Object item : s.getJsonArray("datasets")) {
      JsonObject d = (JsonObject) item;
      JsonObject data = d.getJsonObject("data");
      line(out, "  %s %s (%s, %d ticks, price: %s): %d calls (%d long, %d short), horizon %s s",
          data.getString("venue"), data.getString("symbol"), data.getString("format"), d.getLong("ticks"),
          d.getString("price"), d.getLong("calls"), d.getLong("longCalls"), d.getLong("shortCalls"),
          d.getJsonArray("horizonsSeconds").encode());
      for (Object scored : d.getJsonArray("scoring")) {
        JsonObject sc = (JsonObject) scored;
        line(out, "   entering %d ms after the call (left out: %d past the data, %d zero returns)",
            sc.getLong("entryDelayMs"), sc.getLong("skippedBeyondData"), sc.getLong("skippedZeroReturn"));
        line(out, "    %-12s %-34s %-34s", "", "all scored calls", "non-overlapping calls");
        for (String who : new String[] {"model", "alwaysLong", "randomSign"}) {
          line(out, "    %-12s %-34s %-34s", who, hit(sc.getJsonObject("all").getJsonObject(who)),
              hit(sc.getJsonObject("nonOverlapping").getJsonObject(who)));
        }
        line(out, "    %-12s %-34s %-34s", "coin flip", "0.5000", "0.5000");
        line(out, "    verdict: %s", sc.getString("verdict"));
      }
    }
  }

  private static String hit(JsonObject h) {
    JsonArray ci = h.getJsonArray("wilson95");
    return String.format(Locale.ROOT, "%.4f [%.4f-%.4f] n=%d p=%.2g", h.getDouble("hitRate"), ci.getDouble(0),
        ci.getDouble(1), h.getLong("n"), h.getDouble("pValueVsHalf"));
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
