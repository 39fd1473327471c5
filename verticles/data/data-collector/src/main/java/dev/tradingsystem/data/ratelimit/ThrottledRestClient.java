package dev.tradingsystem.data.ratelimit;

import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs against a venue's REST API that first ask the venue's shared {@link RequestWeightLimiter}
 * and feed every response's weight header and 429/418 verdict back to it. Waiting for budget is a
 * Vert.x timer, never a blocked thread; a wait longer than {@code maxWaitMs} (a ban) fails the call
 * with {@link RateLimitedException} so the caller decides (a feed retries later).
 */
public final class ThrottledRestClient {

  /** Binance's used-weight header for the one-minute window. */
  public static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

  private static final Logger LOG = LoggerFactory.getLogger(ThrottledRestClient.class);

  private final Vertx vertx;
  private final HttpClient http;
  private final RequestWeightLimiter limiter;
  private final long timeoutMs;
  private final long maxWaitMs;

  public ThrottledRestClient(Vertx vertx, HttpClient http, RequestWeightLimiter limiter, long timeoutMs, long maxWaitMs) {
    this.vertx = vertx;
    this.http = http;
    this.limiter = limiter;
    this.timeoutMs = timeoutMs;
    this.maxWaitMs = maxWaitMs;
  }

  public RequestWeightLimiter limiter() {
    return limiter;
  }

  /** The body of a 2xx answer; fails with {@link RateLimitedException} on 429/418 or a long wait. */
  public Future<Buffer> get(String absoluteUrl, int weight) {
    Promise<Buffer> result = Promise.promise();
    attempt(absoluteUrl, weight, result);
    return result.future();
  }

  private void attempt(String url, int weight, Promise<Buffer> result) {
    long waitMs = limiter.acquire(weight);
    if (waitMs > maxWaitMs) {
      throttled(0).increment();
      result.fail(new RateLimitedException(limiter.venue(), 0, waitMs));
      return;
    }
    if (waitMs > 0) {
      vertx.setTimer(waitMs, id -> attempt(url, weight, result));
      return;
    }
    http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setTimeout(timeoutMs))
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> judge(url, response, body)))
        .onComplete(result);
  }

  private Buffer judge(String url, HttpClientResponse response, Buffer body) {
    int status = response.statusCode();
    OptionalLong retryAfter = header(response, "Retry-After");
    limiter.onResponse(status, header(response, USED_WEIGHT_HEADER), retryAfter);
    if (status == 429 || status == 418) {
      throttled(status).increment();
      long retryMs = limiter.pauseRemainingMs();
      LOG.warn("{} answered {} for {}; all calls to {} paused for {} ms", limiter.venue(), status, url,
          limiter.venue(), retryMs);
      throw new RateLimitedException(limiter.venue(), status, retryMs);
    }
    if (status / 100 != 2) {
      throw new IllegalStateException(limiter.venue() + " REST " + url + " answered " + status + ": "
          + body.toString().substring(0, Math.min(200, body.length())));
    }
    return body;
  }

  private Counter throttled(int status) {
    return TradingMetrics.counter("trading_live_rest_throttled", "REST calls refused by a venue or held back locally",
        "venue", limiter.venue(), "status", Integer.toString(status));
  }

  private static OptionalLong header(HttpClientResponse response, String name) {
    String value = response.getHeader(name);
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      // An HTTP-date Retry-After is legal but Binance never sends one; treat it as absent.
      return OptionalLong.empty();
    }
  }
}
