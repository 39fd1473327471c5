package dev.tradingsystem.shared.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a file of the project's shared data folder for tests. One setting,
 * {@code TRADING_SHARED_DIR} (default: {@code ../shared} beside the repository root, passed by the
 * build as {@code trading.shared.dir}), names the folder. A user's clone has no such folder: then the file is fetched
 * from its public upstream into a cache when the network allows, and otherwise the test reports
 * itself skipped with the reason. CI sets {@code TRADING_REQUIRE_SHARED=true} so a missing folder
 * fails instead of skipping.
 */
public final class SharedDataLocator {

  /** Public upstreams of the files tests use, by path under the shared folder (see its SOURCES.md). */
  private static final String HFTBACKTEST =
      "https://raw.githubusercontent.com/nkaz001/hftbacktest/5f3ec40b2afb764e0fea112f941ed85523ef4e88/examples/";
  private static final String NAUTILUS =
      "https://raw.githubusercontent.com/nautechsystems/nautilus_trader/a95c8042b00133829d252ae8cf68f78fc176a973/tests/test_data/";
  private static final Map<String, String> UPSTREAM = Map.ofEntries(
      Map.entry("data/sentiment/lexicons/vader_lexicon.txt",
          "https://raw.githubusercontent.com/cjhutto/vaderSentiment/master/vaderSentiment/vader_lexicon.txt"),
      Map.entry("data/sentiment/tfns_mit/sent_valid.csv",
          "https://raw.githubusercontent.com/umaima-aman/Twee_Sentiment_Analysis-DeepLearning/"
              + "0286b19b35c7d658dc28068381c765df4758545a/sent_valid.csv"),
      Map.entry("data/sentiment/fpb_cc-by-nc-sa-3.0/Sentences_50Agree.txt",
          "https://raw.githubusercontent.com/pkatwate/finBERT/5ca56265657fe3fc2fd6c3576aa3933f61b7a5bc/Sentences_50Agree.txt"),
      Map.entry("data/news/dykstranet_cryptonews/news.csv",
          "https://raw.githubusercontent.com/dykstranet/cryptonews/a5dd133da609c2e14497fbc302df61812b637cd2/data/news.csv"),
      Map.entry("data/trades/bitstamp_trades_from_20131125_usd.csv",
          "https://raw.githubusercontent.com/ta4j/ta4j/ca94ff6c74e46b99629db272ed9b80110bc1c971/"
              + "ta4j-examples/src/main/resources/bitstamp_trades_from_20131125_usd.csv"),
      Map.entry("data/orderbook/hftbacktest/spot/btcusdt_20240808.gz", HFTBACKTEST + "spot/btcusdt_20240808.gz"),
      Map.entry("data/orderbook/hftbacktest/spot/btcusdt_20240809.gz", HFTBACKTEST + "spot/btcusdt_20240809.gz"),
      Map.entry("data/orderbook/hftbacktest/usdm/btcusdt_20240808.gz", HFTBACKTEST + "usdm/btcusdt_20240808.gz"),
      Map.entry("data/orderbook/nautilus_lgpl3_tardis_samples/bitmex_trades_XBTUSD.csv",
          NAUTILUS + "tardis/bitmex_trades_XBTUSD.csv"),
      Map.entry("data/ohlcv/nautilus_lgpl3/btc-perp-20211231-20220201_1m.csv",
          NAUTILUS + "btc-perp-20211231-20220201_1m.csv"));

  private SharedDataLocator() {
  }

  public static Path sharedDir() {
    // The environment (set by ci/test and .ci/run) wins over the build's default, which points
    // at ../shared beside the repository root.
    String dir = System.getenv("TRADING_SHARED_DIR");
    if (dir == null || dir.isBlank()) {
      dir = System.getProperty("trading.shared.dir", "../shared");
    }
    return Path.of(dir).toAbsolutePath().normalize();
  }

  /** The file, or a skipped (locally) / failed (CI) test with the reason. */
  public static Path require(String relativePath) {
    Path local = sharedDir().resolve(relativePath);
    if (Files.isRegularFile(local)) {
      return local;
    }
    String reason = "shared data file " + relativePath + " not found under " + sharedDir();
    if (Boolean.parseBoolean(System.getenv().getOrDefault("TRADING_REQUIRE_SHARED", "false"))) {
      Assertions.fail(reason + " (TRADING_REQUIRE_SHARED=true)");
    }
    String upstream = UPSTREAM.get(relativePath);
    if (upstream != null) {
      Path cached = Path.of(System.getProperty("java.io.tmpdir"), "trading-shared-cache", relativePath);
      if (Files.isRegularFile(cached)) {
        return cached;
      }
      try {
        return fetch(upstream, cached);
      } catch (IOException | InterruptedException e) {
        reason += "; upstream " + upstream + " unreachable: " + e.getMessage();
      }
    }
    Assumptions.abort(reason);
    return null;
  }

  private static Path fetch(String url, Path target) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<InputStream> response = client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try (InputStream in = response.body()) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
    }
    return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
  }
}
