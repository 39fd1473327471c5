package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.app.ReportFiles;
import dev.tradingsystem.data.DataCollectorConfig;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigLoader;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evaluate}: the built-in agent models on held-out real data, beside honest baselines. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Evaluate the built-in agent models on held-out real data beside baselines, and print a table.",
        "fingpt: weighted/macro F1 on labelled sentiment sets vs the majority class and FinGPT's published range; "
            + "lagllama: CRPS and 80%% coverage vs climatology and a random walk; deepseek, qwen: directional hit "
            + "rate vs a coin flip and buy-and-hold."})
public final class EvaluateCommand implements Callable<Integer> {

  static final List<String> AGENTS = List.of("fingpt", "lagllama", "deepseek", "qwen");
  /** The default depth capture: Binance spot BTCUSDT, 2024-08-08 23:54 to 00:05, split at midnight. */
  static final List<String> BOOK_CAPTURE = List.of("data/orderbook/hftbacktest/spot/btcusdt_20240808.gz",
      "data/orderbook/hftbacktest/spot/btcusdt_20240809.gz");

  @Spec
  CommandSpec spec;

  @Option(names = "--agents", split = ",", paramLabel = "NAME",
      defaultValue = "fingpt,lagllama,deepseek,qwen", description = "Agents to evaluate (default ${DEFAULT-VALUE})")
  List<String> agents;

  @Option(names = "--sentiment", paramLabel = "FILE",
      description = "Labelled sentiment file; default: TFNS validation and FPB 50Agree under the shared data folder "
          + "(TRADING_SHARED_DIR, default ../shared)")
  Path sentiment;

  @Option(names = "--sentiment-format", paramLabel = "tfns|fpb",
      description = "Layout of --sentiment: tfns (CSV text,label 0/1/2) or fpb (sentence@label); default from the "
          + "extension (.csv tfns, otherwise fpb)")
  String sentimentFormat;

  @Option(names = "--data", paramLabel = "FILE",
      description = "Market data for lagllama, deepseek and qwen (repeatable: replayed in order as one tape); "
          + "default: the bundled Bitstamp BTC/USD trades")
  List<Path> data = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "Format of --data, as for run (default ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--symbol", paramLabel = "BASE/QUOTE", description = "Symbol of --data when its name does not tell")
  String symbol;

  @Option(names = "--book-data", paramLabel = "FILE",
      description = "Market data with an order book for deepseek and qwen (repeatable, one tape); default: the "
          + "Binance spot BTCUSDT hftbacktest capture under the shared data folder, when present")
  List<Path> bookData = new ArrayList<>();

  @Option(names = "--book-format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "Format of --book-data (default ${DEFAULT-VALUE})")
  String bookFormat;

  @Option(names = "--max-ticks", paramLabel = "N", defaultValue = "0",
      description = "Read at most N trades from each tape (0 = all; default ${DEFAULT-VALUE})")
  long maxTicks;

  @Option(names = "--baseline-window", paramLabel = "N", defaultValue = "500",
      description = "Trailing candle returns behind lagllama's climatology and random-walk baselines "
          + "(default ${DEFAULT-VALUE}, as the model's residual window)")
  int baselineWindow;

  @Option(names = "--entry-delays-ms", split = ",", paramLabel = "MS", defaultValue = "0,1000",
      description = "Score deepseek and qwen calls entering this long after each call, once per value "
          + "(default ${DEFAULT-VALUE}: at the call, and after a second of latency)")
  List<Long> entryDelaysMs;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the random-sign baseline (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one config key, e.g. agents.qwen.entryThreshold=0.3 (repeatable)")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--report", paramLabel = "FILE.json", description = "Write the machine-readable report here")
  Path report;

  @Override
  public Integer call() throws IOException {
    validate();
    EvaluationRun run;
    try {
      run = new EvaluationRun(new EvaluationReport(seed), config(format, symbol), config(bookFormat, null));
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Set<String> selected = Set.copyOf(agents);
    try {
      if (selected.contains("fingpt")) {
        run.sentiment(sentimentSets());
      }
      if (selected.contains("lagllama") || selected.contains("deepseek") || selected.contains("qwen")) {
        run.market(selected, locations(data, List.of(DataCollectorConfig.DEFAULT_DATA)), bookLocations(selected, run),
            maxTicks, baselineWindow, entryDelaysMs.stream().map(ms -> ms * 1_000).toList());
      }
    } catch (IOException | IllegalArgumentException | ConfigException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("evaluate failed: " + e.getMessage());
      err.flush();
      return 1;
    }
    JsonObject json = run.report().json();
    PrintWriter out = spec.commandLine().getOut();
    out.print(EvaluationText.render(json));
    if (report != null) {
      ReportFiles.write(report, json.encodePrettily() + "\n");
      out.println("report written to " + report);
    }
    out.flush();
    return 0;
  }

  private ConfigReader config(String replayFormat, String replaySymbol) {
    List<String> settings = new ArrayList<>();
    settings.add("replay.format=" + replayFormat);
    if (replaySymbol != null) {
      settings.add("replay.symbol=" + replaySymbol);
    }
    settings.addAll(overrides);
    return ConfigReader.of(ConfigLoader.merge(new JsonObject(), settings, System.getenv()));
  }

  private List<SentimentEvaluation.SentimentSet> sentimentSets() {
    if (sentiment != null) {
      SentimentFormat layout = sentimentFormat != null ? SentimentFormat.parse(sentimentFormat)
          : sentiment.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? SentimentFormat.TFNS
          : SentimentFormat.FPB;
      return List.of(SentimentEvaluation.SentimentSet.userFile(sentiment, layout));
    }
    List<SentimentEvaluation.SentimentSet> sets = new ArrayList<>();
    SharedDataDir.find(SentimentEvaluation.TFNS_VALIDATION)
        .ifPresent(f -> sets.add(SentimentEvaluation.SentimentSet.tfnsValidation(f)));
    SharedDataDir.find(SentimentEvaluation.FPB_50_AGREE)
        .ifPresent(f -> sets.add(SentimentEvaluation.SentimentSet.fpbAllRows(f)));
    return sets;
  }

  private List<String> bookLocations(Set<String> selected, EvaluationRun run) {
    if (!bookData.isEmpty()) {
      return locations(bookData, List.of());
    }
    if (!selected.contains("qwen") && !selected.contains("deepseek")) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    for (String file : BOOK_CAPTURE) {
      SharedDataDir.find(file).ifPresent(f -> found.add(f.toString()));
    }
    if (found.size() < BOOK_CAPTURE.size()) {
      run.note("no order-book data: " + BOOK_CAPTURE + " not found under " + SharedDataDir.dir()
          + "; qwen and deepseek are evaluated on trade-only data. Pass --book-data FILE (e.g. an hftbacktest "
          + "capture) or set TRADING_SHARED_DIR");
      return List.of();
    }
    return found;
  }

  private static List<String> locations(List<Path> files, List<String> otherwise) {
    return files.isEmpty() ? otherwise : files.stream().map(p -> p.toAbsolutePath().toString()).toList();
  }

  private void validate() {
    for (String agent : agents) {
      if (!AGENTS.contains(agent)) {
        throw new ParameterException(spec.commandLine(), "--agents: unknown agent '" + agent + "', expected "
            + String.join(", ", AGENTS));
      }
    }
    if (sentiment != null && !Files.isRegularFile(sentiment)) {
      throw new ParameterException(spec.commandLine(), "--sentiment: no such file: " + sentiment);
    }
    if (sentimentFormat != null) {
      try {
        SentimentFormat.parse(sentimentFormat);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--sentiment-format: " + e.getMessage());
      }
    }
    for (Path file : concat(data, bookData)) {
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), "no such file: " + file);
      }
    }
    if (maxTicks < 0) {
      throw new ParameterException(spec.commandLine(), "--max-ticks must be >= 0");
    }
    if (entryDelaysMs.isEmpty() || entryDelaysMs.stream().anyMatch(ms -> ms < 0 || ms > 3_600_000)) {
      throw new ParameterException(spec.commandLine(), "--entry-delays-ms: each delay must be in [0, 3600000]");
    }
    if (baselineWindow < 10) {
      throw new ParameterException(spec.commandLine(), "--baseline-window must be >= 10");
    }
  }

  private static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
