package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.agents.runtime.Rejection;
import dev.tradingsystem.proto.NewsItem;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.msg.Metas;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS/Atom feeds for live news and publishes each new story once on {@code news}. Per feed:
 * one request at a time (the next poll is scheduled when the last one ended), conditional GETs
 * ({@code If-None-Match} / {@code If-Modified-Since} from the last good answer, so an unchanged
 * feed costs a 304), bodies capped at {@code maxBytes}, parsing off the event loop, ids
 * remembered in a bounded {@link SeenIds}, and a {@link PollBackoff} after failures. A failure
 * (unreachable, timeout, HTTP error, oversize, malformed document) is counted in
 * {@code trading_agents_news_feed_errors_total{agent,reason}} and logged, never fatal. Runs on the
 * context that started it.
 */
final class FeedPoller {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1";

  /** State of one feed, touched only on the poller's context. */
  private static final class Feed {
    final String url;
    final String source;
    final SeenIds seen;
    String etag;
    String lastModified;
    int failures;
    long timer = -1;

    Feed(String url, int remembered) {
      this.url = url;
      this.source = URI.create(url).getHost();
      this.seen = new SeenIds(remembered);
    }
  }

  private final Vertx vertx;
  private final NewsConfig config;
  private final String agent;
  private final NewsDeadLetters deadLetters;
  private final LongSupplier nowUs;
  private final PollBackoff backoff;
  private final WebClient client;
  private final List<Feed> feeds = new ArrayList<>();
  private final AtomicLong polls = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private boolean stopped;

  /** @param nowUs the clock for entries without a date: they count from when they were first seen */
  FeedPoller(Vertx vertx, NewsConfig config, String agent, NewsDeadLetters deadLetters, LongSupplier nowUs) {
    this.vertx = vertx;
    this.config = config;
    this.agent = agent;
    this.deadLetters = deadLetters;
    this.nowUs = nowUs;
    this.backoff = new PollBackoff(config.rssPollMs(), config.rssMaxBackoffMs());
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent("trading-system-" + agent + "-news/1")
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.rssTimeoutMs()))
        .setDecompressionSupported(true)
        .setFollowRedirects(true));
    for (String url : config.rssUrls()) {
      feeds.add(new Feed(url, config.rssMaxRemembered()));
    }
  }

  /** Polls every feed now, then on its own schedule. */
  void start() {
    feeds.forEach(this::poll);
  }

  Future<Void> stop() {
    stopped = true;
    feeds.forEach(feed -> vertx.cancelTimer(feed.timer));
    client.close();
    return Future.succeededFuture();
  }

  long polls() {
    return polls.get();
  }

  long notModified() {
    return notModified.get();
  }

  long published() {
    return published.get();
  }

  long failures() {
    return failures.get();
  }

  private void poll(Feed feed) {
    if (stopped) {
      return;
    }
    polls.incrementAndGet();
    CappedBody body = new CappedBody(config.rssMaxBytes());
    HttpRequest<Void> request = client.getAbs(feed.url)
        .timeout(config.rssTimeoutMs())
        .putHeader("Accept", ACCEPT)
        .as(BodyCodec.pipe(body, false));
    if (feed.etag != null) {
      request.putHeader("If-None-Match", feed.etag);
    }
    if (feed.lastModified != null) {
      request.putHeader("If-Modified-Since", feed.lastModified);
    }
    request.send().onComplete(ar -> {
      if (ar.failed()) {
        Throwable cause = ar.cause();
        boolean tooLarge = cause instanceof CappedBody.TooLargeException
            || cause.getCause() instanceof CappedBody.TooLargeException;
        failed(feed, tooLarge ? "too_large" : cause.getClass().getSimpleName().contains("Timeout") ? "timeout"
            : "unreachable", String.valueOf(cause.getMessage()), 0);
      } else {
        answered(feed, ar.result(), body);
      }
    });
  }

  private void answered(Feed feed, HttpResponse<Void> response, CappedBody body) {
    int status = response.statusCode();
    if (status == 304) {
      notModified.incrementAndGet();
      succeeded(feed);
      return;
    }
    if (status != 200) {
      failed(feed, "http_" + status, response.statusMessage(), retryAfterMs(response.getHeader("Retry-After")));
      return;
    }
    byte[] document = body.body().getBytes();
    String etag = response.getHeader("ETag");
    String lastModified = response.getHeader("Last-Modified");
    vertx.executeBlocking(() -> FeedParser.parse(document), false).onComplete(parsed -> {
      if (parsed.failed()) {
        deadLetters.reject(new Rejection("malformed_feed", feed.url + ": " + parsed.cause().getMessage()), null,
            new String(document, 0, Math.min(document.length, 4_096), StandardCharsets.UTF_8));
        failed(feed, "malformed_feed", parsed.cause().getMessage(), 0);
        return;
      }
      // Remember the validators only for a document we could read: a broken one is fetched again.
      feed.etag = etag;
      feed.lastModified = lastModified;
      publish(feed, parsed.result());
      succeeded(feed);
    });
  }

  /** New entries oldest first, so consumers see a feed's stories in the order they broke. */
  private void publish(Feed feed, List<FeedEntry> entries) {
    long seenAt = nowUs.getAsLong();
    List<FeedEntry> ordered = new ArrayList<>(entries);
    ordered.sort(Comparator.comparingLong(e -> e.publishedUs() > 0 ? e.publishedUs() : seenAt));
    for (FeedEntry entry : ordered) {
      if (!feed.seen.firstTime(entry.id())) {
        continue;
      }
      long eventTimeUs = entry.publishedUs() > 0 ? entry.publishedUs() : seenAt;
      NewsItem item = NewsItem.newBuilder()
          .setMeta(Metas.origin(entry.id(), eventTimeUs))
          .setHeadline(entry.title())
          .setSource(feed.source)
          .addAllSymbols(config.symbols())
          .build();
      Optional<Rejection> rejection = NewsItemValidator.check(item);
      if (rejection.isPresent()) {
        deadLetters.reject(rejection.get(), item.getMeta(), item.toString());
        continue;
      }
      vertx.eventBus().publish(Addresses.NEWS, item);
      published.incrementAndGet();
    }
  }

  private void succeeded(Feed feed) {
    if (feed.failures > 0) {
      LOG.info("news feed {} answers again after {} failed polls", feed.url, feed.failures);
    }
    feed.failures = 0;
    schedule(feed, backoff.delayMs(0, 0, 0));
  }

  private void failed(Feed feed, String reason, String detail, long retryAfterMs) {
    failures.incrementAndGet();
    feed.failures++;
    TradingMetrics.counter("trading_agents_news_feed_errors", "News feed polls that failed, by reason",
        "agent", agent, "reason", reason).increment();
    long delay = backoff.delayMs(feed.failures, retryAfterMs, ThreadLocalRandom.current().nextDouble());
    // The first failure of a run is news to an operator; the rest of the run only at debug.
    if (feed.failures == 1) {
      LOG.warn("news feed {} failed ({}: {}); next try in {} ms", feed.url, reason, detail, delay);
    } else {
      LOG.debug("news feed {} failed {} times ({}: {}); next try in {} ms", feed.url, feed.failures, reason, detail,
          delay);
    }
    schedule(feed, delay);
  }

  private void schedule(Feed feed, long delayMs) {
    if (!stopped) {
      feed.timer = vertx.setTimer(Math.max(1, delayMs), id -> poll(feed));
    }
  }

  /** {@code Retry-After} in seconds (the HTTP-date form is rare for feeds and ignored). */
  static long retryAfterMs(String header) {
    if (header == null || !header.trim().matches("\\d{1,9}")) {
      return 0;
    }
    return Long.parseLong(header.trim()) * 1_000;
  }
}
