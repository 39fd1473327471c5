package dev.tradingsystem.data.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestWeightLimiterTest {

  /** A clock moved by hand: no sleeps. */
  private static final class FakeClock implements RateLimitClock {
    long now;

    @Override
    public long nowMillis() {
      return now;
    }
  }

  private final FakeClock clock = new FakeClock();
  private final RequestWeightLimiter limiter = new RequestWeightLimiter("binance", 100, 60_000, clock);

  @ParameterizedTest(name = "{0} spent, ask {1} at +{2} ms -> wait {3} ms")
  @CsvSource({
      // spent, weight, at ms into the window, expected wait
      "0,   5,   0,      0",
      "95,  5,   1000,   0",
      "96,  5,   1000,   59000",
      "100, 1,   59999,  1",
      "50,  50,  30000,  0",
      "50,  51,  30000,  30000",
  })
  void chargesWeightPerWindow(int spent, int weight, long at, long expectedWait) {
    clock.now = 120_000; // start of a window
    if (spent > 0) {
      assertThat(limiter.acquire(spent)).isZero();
    }
    clock.now = 120_000 + at;
    assertThat(limiter.acquire(weight)).isEqualTo(expectedWait);
  }

  @Test
  void aNewWindowRestoresTheBudget() {
    clock.now = 60_000;
    assertThat(limiter.acquire(100)).isZero();
    assertThat(limiter.acquire(1)).isEqualTo(60_000);
    clock.now = 120_000;
    assertThat(limiter.acquire(100)).isZero();
  }

  @ParameterizedTest(name = "header says {0} used -> we count {1}")
  @CsvSource({
      "90, 90",   // other processes on the IP spent budget: theirs counts
      "3,  10",   // ours is higher while calls are in flight: ours counts
  })
  void trustsTheHigherOfOurCountAndTheVenueHeader(long header, int expected) {
    clock.now = 0;
    limiter.acquire(10);
    limiter.onResponse(200, OptionalLong.of(header), OptionalLong.empty());
    assertThat(limiter.usedWeight()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "status {0}, Retry-After {1} s -> paused {2} ms, banned {3}")
  @CsvSource({
      "429, 7,  7000,   false",
      "429, ,   50000,  false", // no Retry-After: to the end of the window
      "418, 30, 30000,  true",
      "418, ,   120000, true",  // no Retry-After: Binance's shortest ban
      "200, 7,  0,      false",
  })
  void backsOffOn429AndStopsOn418(int status, Long retryAfter, long pausedMs, boolean banned) {
    clock.now = 10_000;
    limiter.onResponse(status, OptionalLong.empty(),
        retryAfter == null ? OptionalLong.empty() : OptionalLong.of(retryAfter));
    assertThat(limiter.pauseRemainingMs()).isEqualTo(pausedMs);
    assertThat(limiter.banned()).isEqualTo(banned);
    assertThat(limiter.acquire(1)).isEqualTo(pausedMs);
    clock.now += pausedMs;
    assertThat(limiter.acquire(1)).isZero();
    assertThat(limiter.banned()).isFalse();
  }

  @Test
  void aLaterShorterVerdictDoesNotShortenABan() {
    clock.now = 0;
    limiter.onResponse(418, OptionalLong.empty(), OptionalLong.of(300));
    limiter.onResponse(429, OptionalLong.empty(), OptionalLong.of(1));
    assertThat(limiter.pauseRemainingMs()).isEqualTo(300_000);
  }

  @Test
  void refusesARequestHeavierThanTheWholeWindow() {
    assertThatThrownBy(() -> limiter.acquire(101)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "limit {0} -> weight {1}")
  @CsvSource({"1, 5", "100, 5", "101, 25", "500, 25", "501, 50", "1000, 50", "1001, 250", "5000, 250"})
  void binanceDepthWeights(int limit, int weight) {
    assertThat(BinanceRequestWeights.depth(limit)).isEqualTo(weight);
  }

  @Test
  void oneLimiterPerVenueIsShared() {
    VenueRateLimiters limiters = new VenueRateLimiters(clock);
    assertThat(limiters.forVenue("binance", 6000)).isSameAs(limiters.forVenue("binance", 1200));
    assertThat(limiters.forVenue("coinbase", 100)).isNotSameAs(limiters.forVenue("binance", 6000));
  }
}
