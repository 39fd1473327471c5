package dev.tradingsystem.agents.fingpt;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.NewsItem;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent polling feeds on a loopback server: an RSS feed with an ETag (answered 304 when
 * unchanged), an Atom feed that grows by one entry (re-sent in full: dedupe by id), a truncated
 * document, an XXE attempt, a document over the size limit and a feed that is down with
 * {@code Retry-After}. Each story is published once; the broken feeds are counted and
 * dead-lettered; the secret behind the XXE never leaves the machine's disk.
 */
@ExtendWith(VertxExtension.class)
class FeedPollerTest {

  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();

  private void serve(HttpServerRequest request, String xxe) {
    String path = request.path();
    int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    var response = request.response().putHeader("Content-Type", "application/xml");
    switch (path) {
      case "/rss" -> {
        String etag = request.getHeader("If-None-Match");
        if (etag != null) {
          ifNoneMatch.add(etag);
        }
        if ("\"v1\"".equals(etag)) {
          response.setStatusCode(304).end();
        } else {
          response.putHeader("ETag", "\"v1\"").end(FeedDocuments.RSS);
        }
      }
      case "/atom" -> response.end(hit == 1 ? FeedDocuments.ATOM : FeedDocuments.ATOM_LATER);
      case "/broken" -> response.end(FeedDocuments.TRUNCATED);
      case "/xxe" -> response.end(xxe);
      case "/big" -> response.end("<rss><channel>" + "<item><title>padding</title></item>".repeat(100)
          + "</channel></rss>");
      default -> response.setStatusCode(503).putHeader("Retry-After", "0").end();
    }
  }

  private static double feedErrors(String reason) {
    var counter = TradingMetrics.registry().find("trading_agents_news_feed_errors")
        .tags("agent", "fingpt", "reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void feedsArePolledDedupedAndNeverTrusted(Vertx vertx, @TempDir Path dir) throws Exception {
    ProtobufCodecs.registerAll(vertx);
    Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t-api-key");
    String xxe = FeedDocuments.xxe(secret);
    List<NewsItem> news = new CopyOnWriteArrayList<>();
    List<DeadLetter> dead = new CopyOnWriteArrayList<>();
    vertx.eventBus().<NewsItem>consumer(Addresses.NEWS, msg -> news.add(msg.body()));
    vertx.eventBus().<DeadLetter>consumer(Addresses.DEAD_LETTER, msg -> dead.add(msg.body()));
    HttpServer server = vertx.createHttpServer().requestHandler(request -> serve(request, xxe)).listen(0)
        .toCompletionStage().toCompletableFuture().get(10, SECONDS);
    String base = "http://127.0.0.1:" + server.actualPort();
    JsonObject config = new JsonObject().put("agents", new JsonObject().put("fingpt", new JsonObject()
        .put("news", new JsonObject().put("symbols", "BTC").put("rss", new JsonObject()
            .put("urls", new JsonArray(List.of(base + "/rss", base + "/atom", base + "/broken", base + "/xxe",
                base + "/big", base + "/down")))
            .put("pollMs", 50).put("maxBackoffMs", 200).put("timeoutMs", 5_000).put("maxBytes", 2_048)))));
    double tooLargeBefore = feedErrors("too_large");
    double downBefore = feedErrors("http_503");
    double malformedBefore = feedErrors("malformed_feed");

    vertx.deployVerticle(new FingptAgentVerticle(), new DeploymentOptions().setConfig(config))
        .toCompletionStage().toCompletableFuture().get(10, SECONDS);

    await().atMost(20, SECONDS).until(() -> hits.getOrDefault("/rss", new AtomicInteger()).get() >= 3
        && hits.getOrDefault("/atom", new AtomicInteger()).get() >= 3
        && hits.getOrDefault("/xxe", new AtomicInteger()).get() >= 2
        && hits.getOrDefault("/big", new AtomicInteger()).get() >= 2
        && hits.getOrDefault("/down", new AtomicInteger()).get() >= 2
        && news.size() >= 5);

    // Every story once, however often it was served; the new Atom entry after the first two.
    assertThat(news).extracting(item -> item.getMeta().getId()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder("wire-1001", "https://wire.example/halt", "urn:desk:1", "urn:desk:2",
            "urn:desk:3");
    List<String> desk = news.stream().map(item -> item.getMeta().getId()).filter(id -> id.startsWith("urn:")).toList();
    assertThat(desk.indexOf("urn:desk:3")).isEqualTo(2);
    assertThat(news).allSatisfy(item -> {
      assertThat(item.getSymbolsList()).containsExactly("BTC");
      assertThat(item.getSource()).isEqualTo("127.0.0.1");
    });
    assertThat(news).filteredOn(item -> item.getMeta().getId().equals("wire-1001"))
        .singleElement().satisfies(item -> assertThat(item.getMeta().getEventTimeUs()).isEqualTo(FeedDocuments.T));
    // Conditional GET: the unchanged RSS feed was asked with its ETag and answered 304.
    assertThat(ifNoneMatch).isNotEmpty().allMatch("\"v1\""::equals);

    // The XXE document was refused, not resolved: the secret appears nowhere.
    assertThat(news).noneMatch(item -> item.getHeadline().contains("s3cr3t") || item.getHeadline().contains("Leak"));
    assertThat(dead).noneMatch(letter -> letter.toString().contains("s3cr3t"));
    assertThat(dead).filteredOn(letter -> letter.getReason().startsWith("malformed_feed"))
        .extracting(DeadLetter::getReason)
        .anyMatch(reason -> reason.contains("/broken"))
        .anyMatch(reason -> reason.contains("/xxe") && reason.contains("DOCTYPE"));
    assertThat(feedErrors("malformed_feed") - malformedBefore).isGreaterThanOrEqualTo(4);
    assertThat(feedErrors("too_large") - tooLargeBefore).isGreaterThanOrEqualTo(2);
    assertThat(feedErrors("http_503") - downBefore).isGreaterThanOrEqualTo(2);

    // What the feeds published is in the agent's own window: the halt story (12:30Z) counts at 13:00Z.
    AgentSignal signal = ServiceRegistry.of(vertx).lookup(AgentService.class, ServiceNames.FINGPT)
        .analyze(SentimentModelTest.tick("BTC/USD", FeedDocuments.T + 3_600_000_000L))
        .toCompletionStage().toCompletableFuture().get(10, SECONDS);
    assertThat(signal.getRationale()).contains("headlines=");
  }
}
