package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentVerticle;
import dev.tradingsystem.agents.runtime.Rejection;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.NewsItem;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentiment agent: {@code fingpt-agent}, signals on {@code signals.fingpt}. Besides analyze
 * requests it listens to {@code news}, so headlines published between ticks are in the window
 * when the next tick is analysed.
 */
public final class FingptAgentVerticle extends AgentVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(FingptAgentVerticle.class);

  private SentimentModel model;

  public FingptAgentVerticle() {
    super(ServiceNames.FINGPT);
  }

  @Override
  protected AgentModel createBuiltinModel(ConfigReader config) {
    model = new SentimentModel(SentimentConfig.from(config), FinanceLexicon.builtin());
    return model;
  }

  @Override
  protected Future<?> startInputs(ConfigReader config) {
    if (model == null) {
      // A non-builtin backend still keeps the news window for its fallback.
      createBuiltinModel(config);
    }
    MessageConsumer<NewsItem> news = own(vertx.eventBus().consumer(Addresses.NEWS, msg -> onNews(msg.body())));
    return news.completion();
  }

  private void onNews(NewsItem item) {
    Optional<Rejection> rejection = NewsItemValidator.check(item);
    if (rejection.isPresent()) {
      String reason = rejection.get().reason();
      TradingMetrics.rejected("agents", shortName(serviceName()), reason).increment();
      LOG.debug("{} rejected a news item: {}", serviceName(), rejection.get().message());
      DeadLetter.Builder letter = DeadLetter.newBuilder().setSource(serviceName())
          .setReason(reason + ": " + rejection.get().message());
      if (item != null) {
        letter.setMeta(item.getMeta()).setPayload(item.getHeadline());
      }
      vertx.eventBus().publish(Addresses.DEAD_LETTER, letter.build());
      return;
    }
    model.onNews(item);
  }
}
