package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.NewsItem;
import java.util.function.Consumer;

/**
 * The sentiment model fed by a {@link NewsReplay} on the analyse path. Before each request is
 * judged, every replayed item stamped at or before the request's event time enters the window, so
 * a headline counts from exactly the first tick at or after its timestamp whatever the machine's
 * speed. Each admitted item is handed once to {@code published} (the verticle puts it on
 * {@code news} for other consumers), its meta carrying the trace and seq of the tick that
 * admitted it. Items already older than the window when they come due are skipped: they could
 * never count (a replay starting years after a news file begins would otherwise flood the bus).
 */
public final class ReplayedNewsModel implements AgentModel {

  private final SentimentModel sentiment;
  private final long windowUs;
  private final Consumer<NewsItem> published;
  private NewsReplay replay = NewsReplay.EMPTY;
  private long skippedStale;

  public ReplayedNewsModel(SentimentModel sentiment, SentimentConfig config, Consumer<NewsItem> published) {
    this.sentiment = sentiment;
    this.windowUs = config.windowSec() * 1_000_000L;
    this.published = published;
  }

  /** Replaces the replay (once the file is read). */
  public void replay(NewsReplay replay) {
    this.replay = replay;
  }

  public NewsReplay replay() {
    return replay;
  }

  /** Items that came due already older than the window, never admitted. */
  public long skippedStale() {
    return skippedStale;
  }

  @Override
  public String modelId() {
    return sentiment.modelId();
  }

  @Override
  public AgentOpinion analyze(AnalyzeRequest request) {
    long asOfUs = Math.max(request.getFeatures().getMeta().getEventTimeUs(), request.getMeta().getEventTimeUs());
    Meta tick = request.hasMeta() ? request.getMeta() : request.getFeatures().getMeta();
    for (NewsItem item : replay.due(asOfUs)) {
      if (item.getMeta().getEventTimeUs() <= asOfUs - windowUs) {
        skippedStale++;
        continue;
      }
      if (sentiment.onNews(item)) {
        published.accept(item.toBuilder().setMeta(item.getMeta().toBuilder()
            .setTraceId(tick.getTraceId()).setSeq(tick.getSeq()).setIngestTimeUs(tick.getIngestTimeUs())).build());
      }
    }
    return sentiment.analyze(request);
  }
}
