package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.agents.deepseek.MomentumConfig;
import dev.tradingsystem.agents.deepseek.MomentumModel;
import dev.tradingsystem.agents.fingpt.SentimentConfig;
import dev.tradingsystem.agents.fingpt.SentimentModel;
import dev.tradingsystem.agents.lagllama.ForecastConfig;
import dev.tradingsystem.agents.lagllama.ForecastModel;
import dev.tradingsystem.agents.qwen.MicrostructureConfig;
import dev.tradingsystem.agents.qwen.MicrostructureModel;
import dev.tradingsystem.data.DataCollectorConfig;
import dev.tradingsystem.shared.config.ConfigReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation: builds each agent's built-in model from config (defaults unless overridden,
 * as in a run), replays each tape once through every selected model, and fills the report.
 * Every model instance is fresh, so two runs on the same data give the same numbers.
 */
public final class EvaluationRun {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationRun.class);

  private final EvaluationReport report;
  private final ConfigReader config;
  private final ConfigReader bookConfig;

  /**
   * @param config     agent settings and the market data's {@code replay.format}/{@code replay.symbol}
   * @param bookConfig the same for the order-book tape
   */
  public EvaluationRun(EvaluationReport report, ConfigReader config, ConfigReader bookConfig) {
    this.report = report;
    this.config = config;
    this.bookConfig = bookConfig;
  }

  public EvaluationReport report() {
    return report;
  }

  /** Something the reader must know (data not found, a fallback taken): logged and kept in the report. */
  public void note(String text) {
    LOG.warn("{}", text);
    report.note(text);
  }

  /** fingpt on each labelled set; skipped, saying how to provide one, when there is none. */
  public void sentiment(List<SentimentEvaluation.SentimentSet> sets) throws IOException {
    if (sets.isEmpty()) {
      String reason = "no labelled sentiment set: pass --sentiment FILE --sentiment-format tfns|fpb, or set "
          + SharedDataDir.ENV + " to a folder holding " + SentimentEvaluation.TFNS_VALIDATION + " or "
          + SentimentEvaluation.FPB_50_AGREE + " (searched " + SharedDataDir.dir() + ")";
      LOG.warn("fingpt skipped: {}", reason);
      report.skip("fingpt", reason);
      return;
    }
    SentimentEvaluation evaluation = new SentimentEvaluation(SentimentConfig.from(config).headlineThreshold());
    List<SentimentEvaluation.Result> results = new ArrayList<>();
    for (SentimentEvaluation.SentimentSet set : sets) {
      LOG.info("fingpt: scoring {} ({})", set.name(), set.file());
      results.add(evaluation.evaluate(set));
    }
    report.sentiment("fingpt", SentimentModel.MODEL_ID, results);
  }

  /**
   * The market agents: lagllama, deepseek and qwen on the primary tape; deepseek and qwen also
   * on the order-book tape when there is one, their calls scored once per entry delay.
   */
  public void market(Set<String> selected, List<String> primary, List<String> book, long maxTicks, int baselineWindow,
      List<Long> entryDelaysUs) throws IOException {
    ForecastConfig forecast = ForecastConfig.from(config);
    Map<String, MarketTape.Listener> listeners = new LinkedHashMap<>();
    ForecastEvaluation lagllama = new ForecastEvaluation(new ForecastModel(forecast), forecast.horizonCandles(),
        baselineWindow);
    if (selected.contains("lagllama")) {
      listeners.put("lagllama", lagllama);
    }
    Map<String, DirectionalEvaluation> directional = directionalEvaluations(selected);
    listeners.putAll(directional);
    MarketTape.Summary tape = replay(primary, config, maxTicks, listeners);
    if (selected.contains("lagllama")) {
      if (tape.ticks() == 0) {
        report.skip("lagllama", noTrades(primary));
      } else {
        report.forecast("lagllama", tape, lagllama.result());
      }
    }
    record(directional, tape, primary, entryDelaysUs);
    if (!book.isEmpty()) {
      Map<String, DirectionalEvaluation> onBook = directionalEvaluations(selected);
      MarketTape.Summary bookTape = replay(book, bookConfig, maxTicks, onBook);
      if (!bookTape.hasBook()) {
        note("the order-book data " + book + " carried no usable book: its mid is the trade price");
      }
      record(onBook, bookTape, book, entryDelaysUs);
    }
  }

  private Map<String, DirectionalEvaluation> directionalEvaluations(Set<String> selected) {
    Map<String, DirectionalEvaluation> evaluations = new LinkedHashMap<>();
    if (selected.contains("deepseek")) {
      evaluations.put("deepseek", new DirectionalEvaluation(new MomentumModel(MomentumConfig.from(config)),
          report.seed()));
    }
    if (selected.contains("qwen")) {
      evaluations.put("qwen", new DirectionalEvaluation(new MicrostructureModel(MicrostructureConfig.from(config)),
          report.seed()));
    }
    return evaluations;
  }

  private void record(Map<String, DirectionalEvaluation> evaluations, MarketTape.Summary tape, List<String> files,
      List<Long> entryDelaysUs) {
    evaluations.forEach((agent, evaluation) -> {
      if (tape.ticks() > 0) {
        report.directional(agent, tape, entryDelaysUs.stream().map(evaluation::result).toList());
      } else if (!report.evaluated(agent)) {
        report.skip(agent, noTrades(files));
      } else {
        note(agent + ": " + noTrades(files));
      }
    });
  }

  private static MarketTape.Summary replay(List<String> files, ConfigReader cfg, long maxTicks,
      Map<String, ? extends MarketTape.Listener> listeners) throws IOException {
    DataCollectorConfig collector = DataCollectorConfig.from(cfg);
    LOG.info("replaying {} through {}", files, listeners.keySet());
    List<MarketTape.Listener> all = List.copyOf(listeners.values());
    MarketTape.Summary summary = MarketTape.replay(files, collector.source(), collector.features(), maxTicks, tick -> {
      for (MarketTape.Listener listener : all) {
        listener.onTick(tick);
      }
    });
    LOG.info("{} {}: {} ticks, {} rejected, {} book updates", summary.instrument().getVenue(),
        summary.instrument().getSymbol(), summary.ticks(), summary.rejected(), summary.bookUpdates());
    return summary;
  }

  private static String noTrades(List<String> files) {
    return "the market data " + files + " holds no trades (a candle-only format?): agents see tick feature vectors, "
        + "one per trade; pass --data with a trade or depth file";
  }
}
