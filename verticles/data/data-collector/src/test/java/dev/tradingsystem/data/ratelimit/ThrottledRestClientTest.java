package dev.tradingsystem.data.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The limiter in front of a loopback REST venue that answers with Binance's headers and verdicts. */
@ExtendWith(VertxExtension.class)
class ThrottledRestClientTest {

  private final List<String> served = new CopyOnWriteArrayList<>();

  private int venue(Vertx vertx, int status, String retryAfter, String usedWeight) {
    HttpServer server = vertx.createHttpServer().requestHandler(request -> {
      served.add(request.uri());
      if (retryAfter != null) {
        request.response().putHeader("Retry-After", retryAfter);
      }
      request.response().putHeader(ThrottledRestClient.USED_WEIGHT_HEADER, usedWeight)
          .setStatusCode(status).end("{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}");
    });
    return server.listen(0, "127.0.0.1").await().actualPort();
  }

  private ThrottledRestClient client(Vertx vertx, RequestWeightLimiter limiter) {
    HttpClient http = vertx.createHttpClient();
    return new ThrottledRestClient(vertx, http, limiter, 5_000, 100);
  }

  private static Throwable failure(Future<?> future) {
    return future.transform(Future::succeededFuture).await().cause();
  }

  @Test
  void a418BanStopsEveryCallUntilItExpires(Vertx vertx) {
    int port = venue(vertx, 418, "120", "7000");
    RequestWeightLimiter limiter = new RequestWeightLimiter("binance", 6000, 60_000, RateLimitClock.SYSTEM);
    ThrottledRestClient rest = client(vertx, limiter);
    String url = "http://127.0.0.1:" + port + "/api/v3/depth?symbol=BTCUSDT&limit=100";

    Throwable banned = failure(rest.get(url, 5));
    assertThat(banned).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.status()).isEqualTo(418);
      assertThat(e.retryAfterMs()).isBetween(119_000L, 120_000L);
    });
    assertThat(limiter.banned()).isTrue();

    // A second caller sharing the limiter does not reach the venue at all.
    Throwable held = failure(client(vertx, limiter).get(url, 5));
    assertThat(held).isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.status()).isZero());
    assertThat(served).hasSize(1);
  }

  @Test
  void a429PausesForRetryAfterAndTheNextCallWaitsItOut(Vertx vertx) {
    int port = venue(vertx, 429, "0", "10");
    RequestWeightLimiter limiter = new RequestWeightLimiter("binance", 6000, 60_000, RateLimitClock.SYSTEM);
    ThrottledRestClient rest = client(vertx, limiter);
    Throwable refused = failure(rest.get("http://127.0.0.1:" + port + "/api/v3/depth", 5));
    assertThat(refused).isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.status()).isEqualTo(429));
    assertThat(limiter.banned()).isFalse();
  }

  @Test
  void theVenueUsedWeightHeaderHoldsCallsBackLocally(Vertx vertx) {
    int port = venue(vertx, 200, null, "5990");
    // A clock frozen mid-window, so the minute cannot roll under the test.
    RequestWeightLimiter limiter = new RequestWeightLimiter("binance", 6000, 60_000, () -> 30_000);
    ThrottledRestClient rest = client(vertx, limiter);
    String url = "http://127.0.0.1:" + port + "/api/v3/depth?symbol=BTCUSDT&limit=1000";
    assertThat(rest.get(url, 5).await().toString()).contains("lastUpdateId");
    assertThat(limiter.usedWeight()).isEqualTo(5990);
    // Weight 50 would exceed 6000 in this minute: refused before sending, told to wait for the next one.
    assertThat(failure(rest.get(url, 50))).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.status()).isZero();
      assertThat(e.retryAfterMs()).isEqualTo(30_000);
    });
    assertThat(served).hasSize(1);
  }
}
