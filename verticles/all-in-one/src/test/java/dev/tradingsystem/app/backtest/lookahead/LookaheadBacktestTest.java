package dev.tradingsystem.app.backtest.lookahead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.app.TradingSystemCli;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code backtest --lookahead-check} end to end on the first bundled Bitstamp trades: the normal
 * and the one-event-late replay both run through the whole co-located pipeline, the report carries
 * a verdict per strategy, and the built-in strategies, which decide on what they have seen, pass.
 */
class LookaheadBacktestTest {

  private static final Logger LOG = LoggerFactory.getLogger(LookaheadBacktestTest.class);
  private static final String TICKS = "4000";

  @TempDir
  static Path dir;

  private static JsonObject report;
  private static String printed;

  @BeforeAll
  static void backtestWithLookaheadCheck() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TradingSystemCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    Path file = dir.resolve("lookahead.json");
    int exit = cli.execute("backtest", "--max-ticks", TICKS, "--quiet", "--lookahead-check", "--report", file.toString());
    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    printed = out.toString();
    report = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    // The verdicts with both runs' numbers, for whoever reads the build log.
    LOG.info("lookahead check over {} ticks: {}", TICKS, report.getJsonObject("lookahead"));
  }

  @Test
  void everyStrategyHasAVerdictWithBothRunsNumbers() {
    JsonObject lookahead = report.getJsonObject("lookahead");
    assertThat(lookahead).isNotNull();
    assertThat(lookahead.fieldNames()).containsAll(report.getJsonObject("strategies").fieldNames());
    for (String id : lookahead.fieldNames()) {
      JsonObject v = lookahead.getJsonObject(id);
      assertThat(v.fieldNames()).as(id).contains("flagged", "reason", "normalTrades", "shiftedTrades",
          "normalProfit", "shiftedProfit", "earlyEntries", "firstEntryDelaySeconds");
    }
    assertThat(printed).contains("=== lookahead check");
    assertThat(report.getJsonObject("definitions").getString("lookahead")).contains("one market event late");
  }

  @Test
  void theNormalRunIsTheReportedOne() {
    JsonObject lookahead = report.getJsonObject("lookahead");
    JsonObject strategies = report.getJsonObject("strategies");
    for (String id : strategies.fieldNames()) {
      assertThat(lookahead.getJsonObject(id).getLong("normalTrades")).as(id)
          .isEqualTo(strategies.getJsonObject(id).getLong("trades"));
    }
  }

  @Test
  void theBuiltInStrategiesAreNotFlagged() {
    JsonObject lookahead = report.getJsonObject("lookahead");
    for (String id : lookahead.fieldNames()) {
      assertThat(lookahead.getJsonObject(id).getBoolean("flagged")).as("%s: %s", id, lookahead.getJsonObject(id))
          .isFalse();
    }
    assertThat(printed).contains("no strategy shows lookahead bias");
  }
}
