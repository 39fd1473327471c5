package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import java.net.URI;
import java.util.List;

/**
 * Where the sentiment agent's news comes from ({@code agents.fingpt.news.*}). With neither a file
 * nor feeds the agent only hears what others publish on {@code news}.
 *
 * @param file               {@code news.file}: a news file replayed by event time (empty: none).
 *                           Read once at start; items enter the window on the analyse path.
 * @param format             {@code news.format}: {@code csv}, {@code dykstranet} or {@code auto}
 *                           ({@link NewsFileFormat}).
 * @param symbols            {@code news.symbols}: symbols given to items that name none (a file
 *                           of bitcoin stories: {@code BTC}). Empty leaves them market-wide, where
 *                           they count {@code marketWideWeight}.
 * @param dateOnlyAtDayStart {@code news.dateOnlyAtDayStart}: a date without a time counts from
 *                           midnight (true) or from the end of that day (false, the default):
 *                           midnight lets a backtest trade on a story hours before it broke.
 * @param rssUrls            {@code news.rss.urls}: RSS 2.0 or Atom feeds polled for live use
 *                           (comma-separated or a JSON array of http/https URLs).
 * @param rssPollMs          {@code news.rss.pollMs}: time between polls of one feed. Publishers
 *                           refresh every few minutes and throttle eager clients; shorter polls
 *                           buy little freshness.
 * @param rssTimeoutMs       {@code news.rss.timeoutMs}: a poll that takes longer failed.
 * @param rssMaxBackoffMs    {@code news.rss.maxBackoffMs}: ceiling of the doubling delay after
 *                           consecutive failures of one feed (or of its {@code Retry-After}).
 * @param rssMaxRemembered   {@code news.rss.maxRemembered}: item ids remembered per feed to
 *                           publish each story once; the memory bound. It must exceed what a
 *                           feed lists at once, or old entries come back as new.
 * @param rssMaxBytes        {@code news.rss.maxBytes}: a feed document larger than this is
 *                           refused before it is parsed.
 */
public record NewsConfig(
    String file,
    NewsFileFormat format,
    List<String> symbols,
    boolean dateOnlyAtDayStart,
    List<String> rssUrls,
    long rssPollMs,
    long rssTimeoutMs,
    long rssMaxBackoffMs,
    int rssMaxRemembered,
    int rssMaxBytes) {

  public static final NewsFileFormat DEFAULT_FORMAT = NewsFileFormat.AUTO;
  public static final long DEFAULT_RSS_POLL_MS = 300_000;
  public static final long DEFAULT_RSS_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_RSS_MAX_BACKOFF_MS = 1_800_000;
  public static final int DEFAULT_RSS_MAX_REMEMBERED = 10_000;
  public static final int DEFAULT_RSS_MAX_BYTES = 4 * 1024 * 1024;

  private static final String PREFIX = "agents.fingpt.news.";

  public NewsConfig {
    symbols = List.copyOf(symbols);
    rssUrls = List.copyOf(rssUrls);
  }

  public static NewsConfig defaults() {
    return new NewsConfig("", DEFAULT_FORMAT, List.of(), false, List.of(), DEFAULT_RSS_POLL_MS,
        DEFAULT_RSS_TIMEOUT_MS, DEFAULT_RSS_MAX_BACKOFF_MS, DEFAULT_RSS_MAX_REMEMBERED, DEFAULT_RSS_MAX_BYTES);
  }

  public static NewsConfig from(ConfigReader config) {
    List<String> urls = config.strings(PREFIX + "rss.urls", List.of());
    for (String url : urls) {
      requireHttpUrl(url);
    }
    List<String> symbols = config.strings(PREFIX + "symbols", List.of());
    for (String symbol : symbols) {
      String subject = NewsWindow.subject(symbol);
      if (subject.isEmpty() || !NewsItemValidator.isValidSubject(subject)) {
        throw new ConfigException(PREFIX + "symbols", "'" + symbol + "' is neither BASE/QUOTE nor an asset");
      }
    }
    return new NewsConfig(
        config.string(PREFIX + "file", "").trim(),
        config.enumValue(PREFIX + "format", NewsFileFormat.class, DEFAULT_FORMAT),
        symbols,
        config.bool(PREFIX + "dateOnlyAtDayStart", false),
        urls,
        config.integer(PREFIX + "rss.pollMs", DEFAULT_RSS_POLL_MS, 10L, 86_400_000L),
        config.integer(PREFIX + "rss.timeoutMs", DEFAULT_RSS_TIMEOUT_MS, 10L, 600_000L),
        config.integer(PREFIX + "rss.maxBackoffMs", DEFAULT_RSS_MAX_BACKOFF_MS, 10L, 86_400_000L),
        config.integer(PREFIX + "rss.maxRemembered", DEFAULT_RSS_MAX_REMEMBERED, 10, 10_000_000),
        config.integer(PREFIX + "rss.maxBytes", DEFAULT_RSS_MAX_BYTES, 1_024, 256 * 1024 * 1024));
  }

  private static void requireHttpUrl(String url) {
    try {
      URI uri = URI.create(url);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // reported below with the key
    }
    throw new ConfigException(PREFIX + "rss.urls", "'" + url + "' is not an http(s) URL");
  }
}
