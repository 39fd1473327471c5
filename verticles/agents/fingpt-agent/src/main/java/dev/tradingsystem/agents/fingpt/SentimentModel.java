package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.NewsItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * News sentiment per symbol. Headlines arrive on the news stream ({@link #onNews}) or inside an
 * analyze request; each is scored once by the {@link HeadlineScorer} and remembered in a
 * {@link NewsWindow}. At each request the model weighs the headlines of the window by age
 * (half-life decay on event time) and relevance (market-wide news counts
 * {@code marketWideWeight}) into one sentiment in [-1, 1]:
 * <ul>
 *   <li>direction LONG/SHORT when |sentiment| reaches {@code entryThreshold}, else FLAT;</li>
 *   <li>strength = |sentiment|;</li>
 *   <li>confidence = {@code (1 - exp(-evidence / 2)) * agreement}: evidence is the summed
 *       weight (two fresh headlines give 0.63), agreement the weighted share of headlines on
 *       the call's side.</li>
 * </ul>
 * Without any headline in the window the answer is FLAT with confidence 0, which is the normal
 * case on the bundled replay: it carries trades, not news.
 */
public final class SentimentModel implements AgentModel {

  public static final String MODEL_ID = "fingpt-builtin-lexicon-v1";

  private final SentimentConfig config;
  private final HeadlineScorer scorer;
  private final NewsWindow window;

  public SentimentModel(SentimentConfig config, FinanceLexicon lexicon) {
    this.config = config;
    this.scorer = new HeadlineScorer(lexicon);
    this.window = new NewsWindow(config.windowSec(), config.maxItemsPerSymbol());
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  /** Scores and remembers a headline; false when it was seen before (same id). */
  public boolean onNews(NewsItem item) {
    String text = item.getBody().isBlank() ? item.getHeadline() : item.getHeadline() + ". " + item.getBody();
    return window.add(item.getMeta().getId(), item.getMeta().getEventTimeUs(), item.getSymbolsList(), text,
        scorer.score(text));
  }

  /**
   * The headlines about {@code symbol} (its base asset and the market included) inside the window
   * at {@code nowUs}, oldest first: what a language model is asked to judge.
   */
  public List<NewsWindow.ScoredNews> headlines(String symbol, long nowUs) {
    List<NewsWindow.ScoredNews> found = new ArrayList<>(window.recent(symbol, nowUs).keySet());
    found.sort(Comparator.comparingLong(NewsWindow.ScoredNews::eventTimeUs));
    return found;
  }

  public SentimentConfig config() {
    return config;
  }

  public HeadlineScorer scorer() {
    return scorer;
  }

  @Override
  public AgentOpinion analyze(AnalyzeRequest request) {
    request.getNewsList().forEach(this::onNews);
    String symbol = request.getFeatures().getInstrument().getSymbol();
    long nowUs = Math.max(request.getFeatures().getMeta().getEventTimeUs(), request.getMeta().getEventTimeUs());
    Map<NewsWindow.ScoredNews, String> recent = window.recent(symbol, nowUs);
    if (recent.isEmpty()) {
      return AgentOpinion.noView("no news for " + symbol + " in the last " + config.windowSec() + " s");
    }
    double weightSum = 0;
    double weighted = 0;
    for (Map.Entry<NewsWindow.ScoredNews, String> entry : recent.entrySet()) {
      double w = weight(entry.getKey(), entry.getValue(), nowUs);
      weightSum += w;
      weighted += w * entry.getKey().sentiment().score();
    }
    if (!(weightSum > 0)) {
      return AgentOpinion.noView("only market-wide news, which is configured to weigh nothing");
    }
    double sentiment = weighted / weightSum;
    double agreeing = 0;
    int bullish = 0;
    int bearish = 0;
    for (Map.Entry<NewsWindow.ScoredNews, String> entry : recent.entrySet()) {
      SentimentScore score = entry.getKey().sentiment();
      SentimentLabel label = score.label(config.headlineThreshold());
      bullish += label == SentimentLabel.BULLISH ? 1 : 0;
      bearish += label == SentimentLabel.BEARISH ? 1 : 0;
      if (Math.signum(score.score()) == Math.signum(sentiment) && sentiment != 0) {
        agreeing += weight(entry.getKey(), entry.getValue(), nowUs);
      }
    }
    double agreement = agreeing / weightSum;
    double evidence = 1 - Math.exp(-weightSum / 2);
    String rationale = String.format(Locale.ROOT,
        "headlines=%d bullish=%d bearish=%d sentiment=%.3f evidence=%.2f agreement=%.2f threshold=%.2f",
        recent.size(), bullish, bearish, sentiment, weightSum, agreement, config.entryThreshold());
    if (Math.abs(sentiment) < config.entryThreshold()) {
      // Confident in "no view" only as far as there is news to say so.
      return AgentOpinion.flat(AgentOpinion.unit(evidence * (1 - Math.abs(sentiment) / config.entryThreshold())),
          config.horizonSec(), rationale);
    }
    Direction direction = sentiment > 0 ? Direction.LONG : Direction.SHORT;
    return new AgentOpinion(direction, AgentOpinion.unit(Math.abs(sentiment)),
        AgentOpinion.unit(evidence * agreement), config.horizonSec(), List.of(), rationale);
  }

  /** Relevance times age decay: half weight every {@code halfLifeSec} of event time. */
  private double weight(NewsWindow.ScoredNews news, String subject, long nowUs) {
    double relevance = NewsWindow.MARKET_WIDE.equals(subject) ? config.marketWideWeight() : 1.0;
    double ageSec = Math.max(0, nowUs - news.eventTimeUs()) / 1e6;
    return relevance * Math.pow(0.5, ageSec / config.halfLifeSec());
  }
}
