package dev.tradingsystem.app.hyperopt;

import dev.tradingsystem.app.ReportFiles;
import dev.tradingsystem.app.ReplayOptions;
import dev.tradingsystem.frameworks.freqtrade.FreqtradeConfig;
import dev.tradingsystem.frameworks.freqtrade.Strategies;
import dev.tradingsystem.frameworks.freqtrade.StrategySpec;
import dev.tradingsystem.frameworks.hummingbot.HummingbotConfig;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigLoader;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hyperopt}: Freqtrade's hyperparameter search for one freqtrade-hft strategy, where every
 * trial is a real backtest of the whole pipeline with that trial's settings, proposed by a seeded
 * TPE sampler and scored by a Freqtrade loss. While it searches, every other strategy is switched
 * off, so the strategy's numbers do not depend on what others happened to trade.
 */
@Command(name = "hyperopt", mixinStandardHelpOptions = true,
    description = {"Search a freqtrade-hft strategy's parameters, ROI table, stoploss and trailing stop like "
        + "`freqtrade hyperopt`: each epoch backtests the whole pipeline with one point of the space (TPE sampler), "
        + "scores it with a loss (Sharpe, Sortino, Calmar, max drawdown, profit) and prints the best point as a "
        + "config fragment. Other strategies are switched off during the search."})
public final class HyperoptCommand implements Callable<Integer> {

  /** A symbol no feed carries: a market maker restricted to it never quotes (hummingbot-mm must run one strategy). */
  static final String NO_SYMBOL = "HYPEROPT/OFF";

  @Spec
  CommandSpec spec;

  @Mixin
  ReplayOptions replay;

  @Option(names = {"-s", "--strategy"}, required = true, paramLabel = "NAME",
      description = "The freqtrade-hft strategy instance to optimise (frameworks.freqtrade.strategies.<NAME>)")
  String strategy;

  @Option(names = "--spaces", paramLabel = "LIST", defaultValue = "default",
      description = "Comma list of params (alias buy, sell), roi, stoploss, trailing, default (= params,roi,stoploss), "
          + "all (default ${DEFAULT-VALUE})")
  String spaces;

  @Option(names = {"-e", "--epochs"}, paramLabel = "N", defaultValue = "30",
      description = "Trials to run (default ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Trials run side by side, each its own pipeline (default: available processors; 1 = one after another)")
  Integer jobs;

  @Option(names = {"--loss", "--hyperopt-loss"}, paramLabel = "NAME", defaultValue = "sharpe",
      description = "sharpe, sortino, calmar, max-drawdown, profit, or Freqtrade's class names "
          + "(SharpeHyperOptLoss, ...) (default ${DEFAULT-VALUE})")
  String loss;

  @Option(names = "--min-trades", paramLabel = "N", defaultValue = "1",
      description = "A trial with fewer closed trades gets the penalty loss " + (long) HyperoptLoss.MAX_LOSS
          + " (default ${DEFAULT-VALUE})")
  long minTrades;

  @Option(names = "--random-state", paramLabel = "SEED", defaultValue = "1",
      description = "Seed of the sampler: the same seed, data and jobs give the same search (default ${DEFAULT-VALUE})")
  long randomState;

  @Option(names = "--report", paramLabel = "FILE.json", description = "Write every trial and the best here")
  Path report;

  @Option(names = "--print-all", description = "Print every epoch's parameters too, not only its numbers")
  boolean printAll;

  @Override
  public Integer call() throws IOException {
    HyperoptSearch.Settings settings = settings();
    Set<HyperoptSpace> chosen = parseSpaces();
    JsonObject config = loadConfig();
    StrategySpec target = target(config);
    SearchSpace space;
    try {
      space = new SearchSpace(target.name(), Strategies.builtIn().blueprint(target.type()).orElseThrow().parameters(),
          target.timeframe(), chosen);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--spaces: " + e.getMessage());
    }
    List<String> isolation = isolation(config, target);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "hyperopt %s: %d epochs, %d parallel, loss %s, spaces %s, %d dimensions, seed %d%n",
        target.id(), settings.epochs(), settings.jobs(), settings.loss().freqtradeName(), chosen,
        space.dimensions().size(), settings.seed());
    out.flush();
    HyperoptSearch search = new HyperoptSearch(space, settings,
        new PipelineObjective(replay, isolation, target.id()));
    List<TrialResult> trials;
    try {
      double[] best = {Double.POSITIVE_INFINITY};
      trials = search.run(trial -> {
        boolean newBest = trial.loss() < best[0];
        best[0] = Math.min(best[0], trial.loss());
        out.println(HyperoptReport.epochLine(trial, settings.epochs(), newBest));
        if (printAll) {
          out.println("      " + trial.params());
        }
        out.flush();
      });
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      PrintWriter err = spec.commandLine().getErr();
      err.println("\nhyperopt failed: " + cause.getMessage());
      err.flush();
      return 1;
    }
    out.print(HyperoptReport.bestText(target.name(), HyperoptSearch.best(trials), settings.loss()));
    if (report != null) {
      JsonObject json = HyperoptReport.toJson(target.id(), target.name(), settings,
          chosen.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList(), space.dimensions(), isolation, trials);
      ReportFiles.write(report, json.encodePrettily() + "\n");
      out.println("report written to " + report);
    }
    out.flush();
    return 0;
  }

  private HyperoptSearch.Settings settings() {
    replay.validate(spec.commandLine());
    int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (epochs < 1) {
      throw new ParameterException(spec.commandLine(), "--epochs must be >= 1, got " + epochs);
    }
    if (parallel < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be >= 1, got " + parallel);
    }
    if (minTrades < 0) {
      throw new ParameterException(spec.commandLine(), "--min-trades must be >= 0, got " + minTrades);
    }
    HyperoptLoss objective = HyperoptLoss.parse(loss).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "--loss: '" + loss + "' is not one of " + HyperoptLoss.names()));
    return new HyperoptSearch.Settings(epochs, parallel, objective, minTrades, randomState);
  }

  private Set<HyperoptSpace> parseSpaces() {
    try {
      return HyperoptSpace.parse(spaces);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--spaces: " + e.getMessage());
    }
  }

  /** The config every trial starts from: the file, the environment and the {@code --set} overrides. */
  private JsonObject loadConfig() {
    Vertx vertx = Vertx.vertx();
    try {
      return ConfigLoader.load(vertx, replay.configFile(), replay.overrides(), System.getenv())
          .toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ParameterException(spec.commandLine(), "--config: " + cause.getMessage());
    } finally {
      vertx.close();
    }
  }

  /** The enabled strategy instance named by {@code --strategy} (or by its id {@code freqtrade-hft.<name>}). */
  private StrategySpec target(JsonObject config) {
    List<StrategySpec> specs;
    try {
      specs = FreqtradeConfig.from(ConfigReader.of(config)).strategies();
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), "--config: " + e.getMessage());
    }
    String wanted = strategy.trim();
    for (StrategySpec s : specs) {
      if (s.name().equals(wanted) || s.id().equals(wanted)) {
        return s;
      }
    }
    throw new ParameterException(spec.commandLine(), "--strategy: '" + wanted + "' is not a configured freqtrade-hft "
        + "strategy; configured: " + specs.stream().map(StrategySpec::name).toList());
  }

  /**
   * Overrides that leave {@code target} the only strategy that trades: the other freqtrade-hft
   * instances disabled, and every hummingbot-mm strategy restricted to a symbol that never trades
   * (hummingbot-mm refuses an empty {@code hummingbot.strategies}). Two strategies on one portfolio
   * share its capital, risk limits and the paper exchange's liquidity, so one's results would
   * depend on the other's.
   */
  static List<String> isolation(JsonObject config, StrategySpec target) {
    ConfigReader reader = ConfigReader.of(config);
    List<String> overrides = new ArrayList<>();
    for (StrategySpec other : FreqtradeConfig.from(reader).strategies()) {
      if (!other.name().equals(target.name())) {
        overrides.add(SearchSpace.STRATEGY_PREFIX + other.name() + ".enabled=false");
      }
    }
    for (String maker : reader.strings("hummingbot.strategies", HummingbotConfig.DEFAULT_STRATEGIES)) {
      overrides.add("hummingbot.strategy." + maker + ".symbols=" + NO_SYMBOL);
    }
    return overrides;
  }
}
