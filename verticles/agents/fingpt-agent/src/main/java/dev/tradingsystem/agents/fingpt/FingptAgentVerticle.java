package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentVerticle;
import dev.tradingsystem.agents.runtime.PromptTemplate;
import dev.tradingsystem.agents.runtime.Rejection;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.proto.NewsItem;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentiment agent: {@code fingpt-agent}, signals on {@code signals.fingpt}. News reaches it
 * three ways ({@link NewsConfig}):
 * <ul>
 *   <li>the {@code news} address, so headlines published between ticks are in the window when
 *       the next tick is analysed;</li>
 *   <li>a news file ({@code agents.fingpt.news.file}), read at start and replayed by event time
 *       on the analyse path ({@link ReplayedNewsModel}); each admitted item is also published on
 *       {@code news} once;</li>
 *   <li>RSS/Atom feeds ({@code agents.fingpt.news.rss.urls}), polled for live use
 *       ({@link FeedPoller}) and published on {@code news}.</li>
 * </ul>
 * Bad news (a malformed item, an unreadable line, a broken feed) is rejected, counted and
 * dead-lettered; it never stops the agent. The file replay runs inside the built-in model, which
 * the runtime asks first on every event, also with a remote backend; a language model is shown
 * the headlines in that model's window ({@link SentimentPrompt}).
 *
 * <p>Over MCP ({@code /mcp/fingpt}) it scores free text with the built-in scorer
 * ({@code sentiment}, {@link SentimentTool}); with a remote backend, the prompt gets the
 * coordinator's {@code get_market_snapshot} as context unless {@code agents.fingpt.mcp.context}
 * says otherwise.
 */
public final class FingptAgentVerticle extends AgentVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(FingptAgentVerticle.class);

  private SentimentModel sentiment;
  private ReplayedNewsModel model;
  private NewsConfig news;
  private NewsDeadLetters deadLetters;
  private FeedPoller poller;

  public FingptAgentVerticle() {
    super(ServiceNames.FINGPT);
  }

  @Override
  protected AgentModel createBuiltinModel(ConfigReader config) {
    // One window however often the runtime builds a model (a remote backend's fallback too).
    if (model == null) {
      SentimentConfig sentimentConfig = SentimentConfig.from(config);
      news = NewsConfig.from(config);
      sentiment = new SentimentModel(sentimentConfig, FinanceLexicon.builtin());
      model = new ReplayedNewsModel(sentiment, sentimentConfig, item -> vertx.eventBus().publish(Addresses.NEWS, item));
    }
    return model;
  }

  @Override
  protected PromptTemplate promptTemplate(ConfigReader config) {
    createBuiltinModel(config);
    return new SentimentPrompt(sentiment);
  }

  /** {@code sentiment(text)}: the built-in scorer on free text, apart from the news window. */
  @Override
  protected List<McpTool> mcpTools(ConfigReader config) {
    createBuiltinModel(config);
    return List.of(SentimentTool.create(sentiment));
  }

  /** A remote model judging headlines also sees where the market stands. */
  @Override
  protected List<String> defaultContext() {
    return List.of("get_market_snapshot");
  }

  @Override
  protected Future<?> startInputs(ConfigReader config) {
    if (model == null) {
      createBuiltinModel(config);
    }
    deadLetters = new NewsDeadLetters(vertx, serviceName(), shortName(serviceName()));
    MessageConsumer<NewsItem> consumer = own(vertx.eventBus().consumer(Addresses.NEWS, msg -> onNews(msg.body())));
    List<Future<?>> inputs = new ArrayList<>();
    inputs.add(consumer.completion());
    if (!news.file().isEmpty()) {
      inputs.add(loadNewsFile());
    }
    if (!news.rssUrls().isEmpty()) {
      poller = new FeedPoller(vertx, news, shortName(serviceName()), deadLetters, TradingClock.wall()::nowMicros);
      poller.start();
    }
    return Future.all(inputs);
  }

  @Override
  public Future<?> stop() {
    Future<Void> polling = poller == null ? Future.succeededFuture() : poller.stop();
    return polling.transform(v -> super.stop());
  }

  /** Reads the news file off the event loop; a file that cannot be read fails the start, naming the key. */
  private Future<Void> loadNewsFile() {
    NewsFileReader reader = new NewsFileReader(news.format(), news.symbols(), news.dateOnlyAtDayStart());
    Path path = Path.of(news.file());
    return vertx.executeBlocking(() -> {
      try {
        return reader.read(path);
      } catch (IOException e) {
        throw new ConfigException("agents.fingpt.news.file", "cannot read " + path.toAbsolutePath() + ": " + e);
      }
    }).map(file -> {
      file.rejected().forEach(line -> deadLetters.reject(line.rejection(), null,
          path.getFileName() + ":" + line.line() + ": " + line.raw()));
      model.replay(new NewsReplay(file.items()));
      LOG.info("{} replays {} news items from {} ({} format, {} lines rejected)", serviceName(), file.items().size(),
          path, file.format().name().toLowerCase(Locale.ROOT), file.rejected().size());
      return null;
    });
  }

  private void onNews(NewsItem item) {
    Optional<Rejection> rejection = NewsItemValidator.check(item);
    if (rejection.isPresent()) {
      deadLetters.reject(rejection.get(), item == null ? null : item.getMeta(),
          item == null ? null : item.getHeadline());
      return;
    }
    sentiment.onNews(item);
  }
}
