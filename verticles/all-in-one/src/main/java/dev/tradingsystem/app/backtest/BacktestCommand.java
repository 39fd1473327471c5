package dev.tradingsystem.app.backtest;

import dev.tradingsystem.app.ProgressBar;
import dev.tradingsystem.app.ReplayOptions;
import dev.tradingsystem.app.ReportFiles;
import dev.tradingsystem.app.RunReport;
import dev.tradingsystem.app.backtest.RecordedReplay.Recorded;
import dev.tradingsystem.app.backtest.lookahead.LookaheadCheck;
import dev.tradingsystem.app.backtest.lookahead.LookaheadCheck.RunOutcome;
import dev.tradingsystem.app.backtest.lookahead.LookaheadReport;
import dev.tradingsystem.app.backtest.lookahead.ShiftedFeatures;
import dev.tradingsystem.app.backtest.performance.BacktestHtml;
import dev.tradingsystem.app.backtest.performance.BacktestRecorder.BacktestResult;
import dev.tradingsystem.app.backtest.performance.BacktestRecorder.StrategyResult;
import dev.tradingsystem.shared.runtime.LaunchOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code backtest}: the {@code run} pipeline — agents, coordinator, frameworks, risk gate, paper
 * exchange, on the event clock — over a replayable dataset, as fast as it goes, with per-strategy
 * and per-pair statistics computed from the fills and portfolio snapshots that run produced.
 * There is no separate simulator: a backtest is a run that is also measured.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = {"Backtest every strategy on the live code path: replay market data through the whole pipeline "
        + "(event clock, paper exchange) and report trades, win rate, profit, CAGR, Sharpe, Sortino, Calmar, "
        + "max drawdown, profit factor, expectancy, exposure and fees per strategy and pair.",
        "Default data: 100,000 real Bitstamp BTC/USD trades (2013-11-25..12-01) bundled with the build."})
public final class BacktestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ReplayOptions replay;

  @Option(names = "--report", paramLabel = "FILE.json", description = "Write the machine-readable report here")
  Path report;

  @Option(names = "--html", paramLabel = "FILE", description = "Write an HTML report with equity and drawdown charts")
  Path html;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "HTTP listener for health and metrics during the backtest (default ${DEFAULT-VALUE}: any free port)")
  int port;

  @Option(names = "--quiet", description = "No progress bar")
  boolean quiet;

  @Option(names = "--lookahead-check",
      description = "Backtest a second time with every strategy's inputs one market event late and flag strategies "
          + "that enter earlier or lose their profit that way (lookahead bias)")
  boolean lookaheadCheck;

  /** One measured replay: the run report, the statistics, and what the lookahead check compares. */
  private record Measured(RunReport report, BacktestResult result, Map<String, RunOutcome> outcomes) {
  }

  @Override
  public Integer call() throws IOException {
    validate();
    LaunchOptions options = RecordedReplay.options(replay, List.of(), port);
    PrintWriter out = spec.commandLine().getOut();
    Measured normal;
    Measured shifted = null;
    try {
      normal = measure(options, false);
      if (lookaheadCheck) {
        shifted = measure(options, true);
      }
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      PrintWriter err = spec.commandLine().getErr();
      err.println("\nbacktest failed: " + cause.getMessage());
      err.flush();
      return 1;
    }
    BacktestResult result = normal.result();
    LookaheadReport lookahead = shifted == null ? null
        : LookaheadReport.compare(new LookaheadCheck(), normal.outcomes(), shifted.outcomes());
    out.print(normal.report().toText());
    out.print(BacktestReport.toText(result));
    if (lookahead != null) {
      out.print(lookahead.toText());
    }
    if (report != null) {
      JsonObject json = BacktestReport.toJson(result, normal.report());
      if (lookahead != null) {
        json.put("lookahead", lookahead.toJson());
        json.getJsonObject("definitions").put("lookahead", "the same replay with every strategy's consensus one "
            + "market event late; flagged: a pair's first fill earlier than in the normal run, or a profit with "
            + "t >= " + LookaheadCheck.EDGE_T_STAT + " over >= " + LookaheadCheck.DEFAULT_MIN_TRADES
            + " trades falling by more than " + LookaheadCheck.DEFAULT_MAX_PROFIT_DROP * 100 + "%");
      }
      ReportFiles.write(report, json.encodePrettily() + "\n");
      out.println("report written to " + report);
    }
    if (html != null) {
      ReportFiles.write(html, BacktestHtml.render(result, normal.report().toJson().getString("source", "")));
      out.println("html report written to " + html);
    }
    out.flush();
    return 0;
  }

  /**
   * One co-located replay with a recorder listening, the pipeline closed afterwards; with
   * {@code shiftInputs} every strategy sees consensus one market event late ({@link ShiftedFeatures}).
   */
  private Measured measure(LaunchOptions options, boolean shiftInputs) {
    ProgressBar progress = new ProgressBar(quiet);
    Recorded recorded = RecordedReplay.measure(options, progress::update, vertx -> {
      if (shiftInputs) {
        ShiftedFeatures.install(vertx);
      }
      return Future.succeededFuture();
    });
    progress.finish();
    return new Measured(recorded.report(), recorded.result(), outcomes(recorded));
  }

  /** Per strategy: closed trades, their profit and the first fill per pair. */
  private static Map<String, RunOutcome> outcomes(Recorded recorded) {
    Map<String, RunOutcome> outcomes = new TreeMap<>();
    for (StrategyResult s : recorded.result().strategies()) {
      List<Double> profits = s.trades().stream().map(t -> t.netProfitMicros() / 1e6).toList();
      outcomes.put(s.strategyId(), new RunOutcome(profits,
          recorded.firstFills().getOrDefault(s.strategyId(), Map.of())));
    }
    return outcomes;
  }

  private void validate() {
    replay.validate(spec.commandLine());
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535");
    }
  }
}
