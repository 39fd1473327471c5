package dev.tradingsystem.data.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.data.ratelimit.BinanceRequestWeights;
import dev.tradingsystem.data.ratelimit.RateLimitClock;
import dev.tradingsystem.data.ratelimit.RequestWeightLimiter;
import dev.tradingsystem.data.ratelimit.VenueRateLimiters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live-feed rules (backoff, staleness, book sync, sequence, rate limits) stay plain classes:
 * their compiled form references no {@code io.vertx} type, so they run and test without Vert.x.
 */
class PlainDomainClassesTest {

  @ParameterizedTest
  @ValueSource(classes = {ReconnectPolicy.class, StalenessMonitor.class, BinanceDepthSync.class,
      BinanceDepthSync.Step.class, SequenceTracker.class, RequestWeightLimiter.class, VenueRateLimiters.class,
      BinanceRequestWeights.class, RateLimitClock.class})
  void referencesNoVertxType(Class<?> type) throws IOException {
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(constants).doesNotContain("io/vertx/");
    }
  }
}
