package dev.tradingsystem.agents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Quantile;
import dev.tradingsystem.shared.cache.InProcessCache;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ResponseCacheTest {

  private final ResponseCache cache = new ResponseCache(
      new InProcessCache("test", 100, System::currentTimeMillis), "lagllama", Duration.ofHours(1));

  @Test
  void keysDifferByModelRequestAndEventTime() {
    String key = cache.key("vertex:m:p1", "{\"q\":1}", 1_000);
    assertThat(key).startsWith("agent-answer:lagllama:").endsWith(":1000").hasSize("agent-answer:lagllama:".length() + 64 + 5);
    assertThat(cache.key("vertex:m:p1", "{\"q\":1}", 1_000)).isEqualTo(key);
    assertThat(cache.key("vertex:m:p2", "{\"q\":1}", 1_000)).isNotEqualTo(key);
    assertThat(cache.key("vertex:m:p1", "{\"q\":2}", 1_000)).isNotEqualTo(key);
    assertThat(cache.key("vertex:m:p1", "{\"q\":1}", 1_001)).isNotEqualTo(key);
  }

  @Test
  void anOpinionRoundTripsWithItsQuantiles(VertxTestContext ctx) {
    AgentOpinion opinion = new AgentOpinion(Direction.SHORT, 0.25, 0.75, 300,
        List.of(q(0.1, -0.02), q(0.5, -0.001), q(0.9, 0.015)), "median below zero");
    String key = cache.key("m", "r", 7);
    cache.store(key, opinion)
        .compose(v -> cache.lookup(key))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).isEqualTo(opinion);
          ctx.completeNow();
        })));
  }

  @Test
  void absentOrForeignEntriesAreMisses(VertxTestContext ctx) {
    InProcessCache store = new InProcessCache("test", 100, System::currentTimeMillis);
    ResponseCache answers = new ResponseCache(store, "qwen", Duration.ofHours(1));
    store.put("foreign", "not json".getBytes(StandardCharsets.UTF_8), Duration.ofHours(1))
        .compose(v -> answers.lookup("foreign"))
        .onComplete(ctx.succeeding(foreign -> ctx.verify(() -> assertThat(foreign).isNull())))
        .compose(v -> answers.lookup("absent"))
        .onComplete(ctx.succeeding(absent -> ctx.verify(() -> {
          assertThat(absent).isNull();
          ctx.completeNow();
        })));
  }

  private static Quantile q(double level, double value) {
    return Quantile.newBuilder().setLevel(level).setValue(value).build();
  }
}
