package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.agents.fingpt.SentimentLabel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable form of an evaluation ({@code evaluate --report FILE.json}): one section
 * per agent under {@code agents}, each with {@code status} {@code evaluated} or {@code skipped}
 * (and then a {@code reason} that says how to provide what was missing). Rates and scores are
 * plain numbers; log returns in natural-log units.
 */
public final class EvaluationReport {

  private final JsonObject agents = new JsonObject();
  private final JsonArray notes = new JsonArray();
  private final JsonObject json;
  private final long seed;

  /** @param seed the random-sign baseline's seed */
  public EvaluationReport(long seed) {
    this.seed = seed;
    this.json = new JsonObject().put("command", "evaluate").put("seed", seed).put("notes", notes)
        .put("agents", agents);
  }

  public JsonObject json() {
    return json;
  }

  public long seed() {
    return seed;
  }

  /** Something the reader must know about the run (data not found, a fallback taken). */
  public void note(String text) {
    notes.add(text);
  }

  /** Whether the agent already has an evaluated section. */
  public boolean evaluated(String agent) {
    JsonObject section = agents.getJsonObject(agent);
    return section != null && "evaluated".equals(section.getString("status"));
  }

  /** Marks an agent as not evaluated, with the reason and how to fix it. */
  public void skip(String agent, String reason) {
    agents.put(agent, new JsonObject().put("status", "skipped").put("reason", reason));
  }

  /** The sentiment agent's section: one entry per labelled set. */
  public void sentiment(String agent, String modelId, Iterable<SentimentEvaluation.Result> results) {
    JsonArray sets = new JsonArray();
    double threshold = 0;
    for (SentimentEvaluation.Result r : results) {
      threshold = r.threshold();
      JsonObject perClass = new JsonObject();
      r.model().perClass().forEach((label, s) -> perClass.put(name(label), new JsonObject()
          .put("precision", s.precision()).put("recall", s.recall()).put("f1", s.f1()).put("support", s.support())));
      JsonObject set = new JsonObject()
          .put("name", r.set().name())
          .put("file", r.set().file().toString())
          .put("format", r.set().format().configName())
          .put("protocol", r.set().protocol())
          .put("n", r.model().total())
          .put("model", classification(r.model()).put("perClass", perClass))
          .put("majorityBaseline", classification(r.baseline()).put("label", name(r.majority())))
          .put("verdict", r.verdict());
      if (r.published() != null) {
        set.put("published", new JsonObject().put("source", r.published().source())
            .put("metric", r.published().metric()).put("low", r.published().low()).put("high", r.published().high()));
      }
      sets.add(set);
    }
    agents.put(agent, new JsonObject().put("status", "evaluated").put("model", modelId)
        .put("headlineThreshold", threshold).put("datasets", sets));
  }

  /** The forecasting agent's section: the model and both baselines on the same points. */
  public void forecast(String agent, MarketTape.Summary tape, ForecastResult r) {
    JsonArray levels = new JsonArray();
    for (double level : r.levels()) {
      levels.add(level);
    }
    agents.put(agent, new JsonObject()
        .put("status", "evaluated")
        .put("model", r.modelId())
        .put("data", tape(tape))
        .put("ticks", r.ticks())
        .put("refused", counts(r.refused()))
        .put("modelErrors", r.errors())
        .put("candles", r.candles())
        .put("candleSeconds", r.candleSeconds())
        .put("horizonCandles", r.horizonCandles())
        .put("horizonSeconds", r.horizonCandles() * r.candleSeconds())
        .put("baselineWindow", r.window())
        .put("levels", levels)
        .put("nominalCoverage", r.nominalCoverage())
        .put("points", r.points())
        .put("gappedPoints", r.gappedPoints())
        .put("firstPoint", instant(r.firstPointUs()))
        .put("lastPoint", instant(r.lastPointUs()))
        .put("forecasters", new JsonObject()
            .put("model", scores(r.model(), r.levels()))
            .put("climatology", scores(r.climatology(), r.levels()))
            .put("randomWalk", scores(r.randomWalk(), r.levels())))
        .put("vsClimatology", comparison(r.vsClimatology()))
        .put("vsRandomWalk", comparison(r.vsRandomWalk()))
        .put("verdict", r.verdict()));
  }

  /**
   * Adds one data set's directional results to the agent's section: one scoring per entry delay,
   * all of the same calls.
   */
  public void directional(String agent, MarketTape.Summary tape, List<DirectionalResult> results) {
    if (!evaluated(agent)) {
      agents.put(agent, new JsonObject().put("status", "evaluated").put("model", results.get(0).modelId())
          .put("datasets", new JsonArray()));
    }
    DirectionalResult first = results.get(0);
    JsonArray horizons = new JsonArray();
    first.horizonsSec().forEach(horizons::add);
    JsonArray scoring = new JsonArray();
    for (DirectionalResult r : results) {
      scoring.add(new JsonObject()
          .put("entryDelayMs", r.entryDelayUs() / 1_000)
          .put("skippedBeyondData", r.beyondData())
          .put("skippedZeroReturn", r.zeroReturns())
          .put("skippedNoHorizon", r.noHorizon())
          .put("all", comparison(r.all()))
          .put("nonOverlapping", comparison(r.nonOverlapping()))
          .put("verdictVsCoinFlip", r.verdictVsCoinFlip())
          .put("verdictVsBuyAndHold", r.verdictVsBuyAndHold())
          .put("verdict", r.verdict()));
    }
    agents.getJsonObject(agent).getJsonArray("datasets").add(new JsonObject()
        .put("data", tape(tape))
        .put("price", tape.hasBook() ? "book mid (trade price before the first consistent book)" : "trade price")
        .put("ticks", first.ticks())
        .put("refused", counts(first.refused()))
        .put("modelErrors", first.errors())
        .put("calls", first.calls())
        .put("longCalls", first.longCalls())
        .put("shortCalls", first.calls() - first.longCalls())
        .put("horizonsSeconds", horizons)
        .put("coinFlip", 0.5)
        .put("randomSignSeed", first.seed())
        .put("scoring", scoring));
  }

  private static JsonObject classification(ConfusionMatrix<SentimentLabel> m) {
    return new JsonObject().put("accuracy", m.accuracy()).put("weightedF1", m.weightedF1()).put("macroF1", m.macroF1());
  }

  private static JsonObject tape(MarketTape.Summary t) {
    JsonArray files = new JsonArray();
    t.locations().forEach(files::add);
    return new JsonObject()
        .put("files", files)
        .put("format", t.format().configName())
        .put("symbol", t.instrument().getSymbol())
        .put("venue", t.instrument().getVenue())
        .put("ticks", t.ticks())
        .put("rejected", t.rejected())
        .put("rejectedByReason", counts(t.rejectedByReason()))
        .put("bookUpdates", t.bookUpdates())
        .put("from", instant(t.firstEventUs()))
        .put("to", instant(t.lastEventUs()));
  }

  private static JsonObject scores(ForecastResult.Scores s, double[] levels) {
    JsonObject pinball = new JsonObject();
    for (int i = 0; i < levels.length; i++) {
      pinball.put(String.format(Locale.ROOT, "%.2f", levels[i]), s.pinball()[i]);
    }
    return new JsonObject().put("crps", s.crps()).put("pinball", pinball).put("coverage", s.coverage())
        .put("meanWidth", s.width());
  }

  private static JsonObject comparison(LossComparison c) {
    if (c == null) {
      return null;
    }
    return new JsonObject().put("test", "Diebold-Mariano on CRPS, Newey-West variance").put("n", c.n())
        .put("meanDiff", c.meanDiff()).put("stdError", c.stdError()).put("statistic", c.statistic())
        .put("pValue", c.pValue());
  }

  private static JsonObject comparison(DirectionalResult.Comparison c) {
    return new JsonObject()
        .put("n", c.model().n())
        .put("model", hitRate(c.model()))
        .put("alwaysLong", hitRate(c.alwaysLong()))
        .put("randomSign", hitRate(c.randomSign()))
        .put("shortCallsRight", c.shortRight())
        .put("shortCallsWrong", c.shortWrong())
        .put("modelVsAlwaysLongPValue", c.vsLongPValue());
  }

  private static JsonObject hitRate(HitRate h) {
    return new JsonObject().put("hits", h.hits()).put("n", h.n()).put("hitRate", h.rate())
        .put("wilson95", new JsonArray().add(h.low()).add(h.high())).put("pValueVsHalf", h.pValue());
  }

  private static JsonObject counts(Map<String, Long> counts) {
    JsonObject json = new JsonObject();
    counts.forEach(json::put);
    return json;
  }

  private static String name(SentimentLabel label) {
    return label.name().toLowerCase(Locale.ROOT);
  }

  private static String instant(long micros) {
    return micros <= 0 ? null : Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L).toString();
  }
}
