package dev.tradingsystem.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.app.TradingSystemCli;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code evaluate} end to end on the real data of the shared folder: the TFNS validation split and
 * FPB for fingpt, the 100,000 Bitstamp trades for lagllama, deepseek and qwen, and the Binance
 * spot depth capture for deepseek and qwen with a book. It checks the report's shape, that every
 * number is in its valid range, that each baseline was scored on the model's points, and that two
 * runs on the same data (the first 10,000 trades of each tape, to keep the test short) give the
 * same report. It asserts no model beats its baseline, except the fingpt
 * macro-F1 check the agent's own test makes: the numbers are whatever they are.
 */
class EvaluateCommandTest {

  /** Trades per tape in the determinism check: two full runs would double the test's time. */
  private static final String SLICE = "10000";

  private static List<String> args;
  private static JsonObject report;
  private static String table;

  @TempDir
  static Path dir;

  @BeforeAll
  static void evaluate() throws Exception {
    // Skip (locally) or fail (CI) with the locator's reason when the shared folder is missing.
    SharedDataLocator.require(SentimentEvaluation.TFNS_VALIDATION);
    SharedDataLocator.require(SentimentEvaluation.FPB_50_AGREE);
    Path trades = SharedDataLocator.require("data/trades/bitstamp_trades_from_20131125_usd.csv");
    Path first = SharedDataLocator.require(EvaluateCommand.BOOK_CAPTURE.get(0));
    Path second = SharedDataLocator.require(EvaluateCommand.BOOK_CAPTURE.get(1));
    args = List.of("evaluate", "--data", trades.toString(), "--book-data", first.toString(),
        "--book-data", second.toString());
    table = run(args, dir.resolve("full.json"));
    report = read(dir.resolve("full.json"));
  }

  private static String run(List<String> arguments, Path file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TradingSystemCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(arguments);
    all.add("--report");
    all.add(file.toString());
    assertThat(cli.execute(all.toArray(new String[0]))).as("exit code; stderr: %s", err).isZero();
    return out.toString();
  }

  private static JsonObject read(Path file) throws Exception {
    return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void theSameDataGivesTheSameReport() throws Exception {
    List<String> slice = new ArrayList<>(args);
    slice.addAll(List.of("--max-ticks", SLICE));
    run(slice, dir.resolve("a.json"));
    run(slice, dir.resolve("b.json"));
    JsonObject a = read(dir.resolve("a.json"));
    assertThat(read(dir.resolve("b.json"))).isEqualTo(a);
    assertThat(a.getJsonObject("agents").getJsonObject("lagllama").getJsonObject("data").getLong("ticks"))
        .isEqualTo(Long.parseLong(SLICE));
  }

  @Test
  void everyAgentIsEvaluatedAndTheTableNamesIt() {
    JsonObject agents = report.getJsonObject("agents");
    assertThat(agents.fieldNames()).containsExactly("fingpt", "lagllama", "deepseek", "qwen");
    for (String agent : agents.fieldNames()) {
      assertThat(agents.getJsonObject(agent).getString("status")).as(agent).isEqualTo("evaluated");
      assertThat(table).contains(agent + " (");
    }
    assertThat(report.getLong("seed")).isEqualTo(42L);
    assertThat(report.getJsonArray("notes")).isEmpty();
  }

  @Test
  void fingptOnBothHeldOutSetsBesideTheMajorityClassAndTheFinGptRange() {
    JsonArray sets = report.getJsonObject("agents").getJsonObject("fingpt").getJsonArray("datasets");
    assertThat(sets).hasSize(2);
    JsonObject tfns = sets.getJsonObject(0);
    JsonObject fpb = sets.getJsonObject(1);
    assertThat(tfns.getLong("n")).isEqualTo(2_388L);
    assertThat(fpb.getLong("n")).isEqualTo(4_846L);
    assertThat(tfns.containsKey("published")).as("no published TFNS number is quoted").isFalse();
    assertThat(fpb.getJsonObject("published").getDouble("low")).isEqualTo(0.85);
    assertThat(fpb.getJsonObject("published").getDouble("high")).isEqualTo(0.88);
    for (JsonObject set : List.of(tfns, fpb)) {
      JsonObject model = set.getJsonObject("model");
      JsonObject baseline = set.getJsonObject("majorityBaseline");
      for (String metric : List.of("accuracy", "weightedF1", "macroF1")) {
        assertThat(model.getDouble(metric)).isBetween(0.0, 1.0);
        assertThat(baseline.getDouble(metric)).isBetween(0.0, 1.0);
      }
      assertThat(baseline.getString("label")).isEqualTo("neutral");
      long support = 0;
      for (String label : List.of("bearish", "bullish", "neutral")) {
        JsonObject c = model.getJsonObject("perClass").getJsonObject(label);
        assertThat(c.getDouble("f1")).isBetween(0.0, 1.0);
        support += c.getLong("support");
      }
      assertThat(support).isEqualTo(set.getLong("n"));
      // The same check as the agent's own evaluation test: better than ignoring the minority classes.
      assertThat(model.getDouble("macroF1")).isGreaterThan(baseline.getDouble("macroF1"));
    }
  }

  @Test
  void lagllamaAndBothBaselinesAreScoredOnTheSamePoints() {
    JsonObject l = report.getJsonObject("agents").getJsonObject("lagllama");
    assertThat(l.getJsonObject("data").getLong("ticks")).isEqualTo(99_982L);
    assertThat(l.getInteger("candleSeconds")).isEqualTo(60);
    assertThat(l.getInteger("horizonSeconds")).isEqualTo(l.getInteger("horizonCandles") * 60);
    assertThat(l.getJsonArray("levels").getList()).containsExactly(0.1, 0.5, 0.9);
    int points = l.getInteger("points");
    assertThat(points).isGreaterThan(5_000).isLessThan(l.getInteger("candles"));
    for (String name : List.of("model", "climatology", "randomWalk")) {
      JsonObject f = l.getJsonObject("forecasters").getJsonObject(name);
      assertThat(f.getDouble("crps")).as(name).isPositive().isLessThan(0.1);
      assertThat(f.getDouble("coverage")).as(name).isBetween(0.0, 1.0);
      assertThat(f.getDouble("meanWidth")).as(name).isPositive();
      assertThat(f.getJsonObject("pinball").fieldNames()).containsExactly("0.10", "0.50", "0.90");
    }
    for (String comparison : List.of("vsClimatology", "vsRandomWalk")) {
      JsonObject c = l.getJsonObject(comparison);
      assertThat(c.getInteger("n")).isEqualTo(points);
      assertThat(c.getDouble("pValue")).isBetween(0.0, 1.0);
    }
    assertThat(l.getString("verdict")).isNotBlank();
  }

  @Test
  void deepseekAndQwenAreScoredWithTheirBaselinesOnTheSamePoints() {
    for (String agent : List.of("deepseek", "qwen")) {
      JsonArray sets = report.getJsonObject("agents").getJsonObject(agent).getJsonArray("datasets");
      assertThat(sets).as(agent).hasSize(2);
      assertThat(sets.getJsonObject(0).getJsonObject("data").getString("venue")).isEqualTo("bitstamp");
      assertThat(sets.getJsonObject(0).getJsonObject("data").getLong("bookUpdates")).isZero();
      assertThat(sets.getJsonObject(1).getJsonObject("data").getString("symbol")).isEqualTo("BTC/USDT");
      assertThat(sets.getJsonObject(1).getJsonObject("data").getLong("bookUpdates")).isPositive();
      for (int i = 0; i < sets.size(); i++) {
        JsonObject d = sets.getJsonObject(i);
        assertThat(d.getLong("calls")).isEqualTo(d.getLong("longCalls") + d.getLong("shortCalls"));
        assertThat(d.getDouble("coinFlip")).isEqualTo(0.5);
        JsonArray scoring = d.getJsonArray("scoring");
        assertThat(scoring.stream().map(o -> ((JsonObject) o).getLong("entryDelayMs"))).containsExactly(0L, 1_000L);
        for (int k = 0; k < scoring.size(); k++) {
          JsonObject sc = scoring.getJsonObject(k);
          long scored = sc.getJsonObject("all").getLong("n");
          assertThat(d.getLong("calls")).as("every call is scored or counted as left out").isEqualTo(scored
              + sc.getLong("skippedBeyondData") + sc.getLong("skippedZeroReturn") + sc.getLong("skippedNoHorizon"));
          for (String part : List.of("all", "nonOverlapping")) {
            JsonObject c = sc.getJsonObject(part);
            for (String who : List.of("model", "alwaysLong", "randomSign")) {
              JsonObject h = c.getJsonObject(who);
              assertThat(h.getLong("n")).as("%s %s %s on the model's points", agent, part, who)
                  .isEqualTo(c.getLong("n"));
              double rate = h.getDouble("hitRate");
              assertThat(rate).isBetween(0.0, 1.0);
              assertThat(h.getJsonArray("wilson95").getDouble(0)).isLessThanOrEqualTo(rate);
              assertThat(h.getJsonArray("wilson95").getDouble(1)).isGreaterThanOrEqualTo(rate);
              assertThat(h.getDouble("pValueVsHalf")).isBetween(0.0, 1.0);
            }
            assertThat(c.getLong("n")).isLessThanOrEqualTo(scored);
          }
          assertThat(sc.getString("verdict")).isNotBlank();
        }
      }
    }
  }
}
