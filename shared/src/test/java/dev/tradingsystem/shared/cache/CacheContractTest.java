package dev.tradingsystem.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The behaviour every {@link Cache} adapter promises, run once per adapter (in-process, Redis).
 * Each test gets its own namespace, so adapters sharing a server do not see each other's keys.
 */
@ExtendWith(VertxExtension.class)
abstract class CacheContractTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  protected Cache cache;

  /** A fresh cache of the adapter under test, in the given namespace. */
  protected abstract Cache newCache(Vertx vertx, String namespace);

  /** Lets {@code ttl} pass for the adapter under test (a clock step, or real time for Redis). */
  protected abstract Future<Void> elapse(Vertx vertx, Duration ttl);

  /** A TTL the adapter can let pass quickly in a test. */
  protected abstract Duration shortTtl();

  @BeforeEach
  void openCache(Vertx vertx) {
    cache = newCache(vertx, "test" + NAMESPACES.incrementAndGet());
  }

  @AfterEach
  void closeCache() {
    cache.close();
  }

  @Test
  void putThenGetAnswersTheSameBytes(VertxTestContext ctx) {
    byte[] value = "bid 100.25".getBytes(StandardCharsets.UTF_8);
    cache.put("quote:BTC/USD", value, Duration.ofMinutes(1))
        .compose(v -> cache.get("quote:BTC/USD"))
        .onComplete(ctx.succeeding(read -> ctx.verify(() -> {
          assertThat(read).isEqualTo(value);
          ctx.completeNow();
        })));
  }

  @Test
  void missingKeyAnswersNull(VertxTestContext ctx) {
    cache.get("nothing-here").onComplete(ctx.succeeding(read -> ctx.verify(() -> {
      assertThat(read).isNull();
      ctx.completeNow();
    })));
  }

  @Test
  void laterPutReplacesEarlier(VertxTestContext ctx) {
    cache.put("k", new byte[] {1}, Duration.ofMinutes(1))
        .compose(v -> cache.put("k", new byte[] {2, 3}, Duration.ofMinutes(1)))
        .compose(v -> cache.get("k"))
        .onComplete(ctx.succeeding(read -> ctx.verify(() -> {
          assertThat(read).containsExactly(2, 3);
          ctx.completeNow();
        })));
  }

  @Test
  void deleteRemovesAndReportsWhetherSomethingWasThere(VertxTestContext ctx) {
    cache.put("k", new byte[] {7}, Duration.ofMinutes(1))
        .compose(v -> cache.delete("k"))
        .compose(first -> cache.delete("k").map(second -> new boolean[] {first, second}))
        .compose(both -> cache.get("k").map(read -> {
          ctx.verify(() -> {
            assertThat(both[0]).as("first delete").isTrue();
            assertThat(both[1]).as("second delete").isFalse();
            assertThat(read).isNull();
          });
          return read;
        }))
        .onComplete(ctx.succeeding(v -> ctx.completeNow()));
  }

  @Test
  void entriesExpireAfterTheirTtl(VertxTestContext ctx, Vertx vertx) {
    Duration ttl = shortTtl();
    cache.put("short", new byte[] {1}, ttl)
        .compose(v -> cache.put("long", new byte[] {2}, Duration.ofMinutes(10)))
        .compose(v -> elapse(vertx, ttl))
        .compose(v -> Future.all(cache.get("short"), cache.get("long")))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertThat((byte[]) both.resultAt(0)).as("expired").isNull();
          assertThat((byte[]) both.resultAt(1)).containsExactly(2);
          ctx.completeNow();
        })));
  }

  @Test
  void namespacesKeepCachesApart(VertxTestContext ctx, Vertx vertx) {
    Cache other = newCache(vertx, cache.namespace() + "-other");
    cache.put("shared-name", new byte[] {1}, Duration.ofMinutes(1))
        .compose(v -> other.get("shared-name"))
        .onComplete(ctx.succeeding(read -> ctx.verify(() -> {
          assertThat(read).isNull();
          other.close();
          ctx.completeNow();
        })));
  }

  @Test
  void nonPositiveTtlIsRefused(VertxTestContext ctx) {
    cache.put("k", new byte[] {1}, Duration.ZERO).onComplete(ctx.failing(err -> ctx.verify(() -> {
      assertThat(err).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
      ctx.completeNow();
    })));
  }

  @Test
  void featureSnapshotKeepsTheLatestVectorPerSymbolAndTimeframe(VertxTestContext ctx) {
    FeatureSnapshotCache snapshots = new FeatureSnapshotCache(cache);
    FeatureVector first = vector("BTC/USD", 0, 1, 1000.5);
    FeatureVector second = vector("BTC/USD", 0, 2, 1001.25);
    FeatureVector minute = vector("BTC/USD", 60, 2, 1000.75);
    FeatureVector eth = vector("ETH/USD", 0, 3, 40.5);
    snapshots.put(first)
        .compose(v -> snapshots.put(second))
        .compose(v -> snapshots.put(minute))
        .compose(v -> snapshots.put(eth))
        .compose(v -> Future.all(snapshots.latest("BTC/USD", 0), snapshots.latest("BTC/USD", 60),
            snapshots.latest("ETH/USD", 0), snapshots.latest("ETH/USD", 60)))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat((FeatureVector) all.resultAt(0)).isEqualTo(second);
          assertThat((FeatureVector) all.resultAt(1)).isEqualTo(minute);
          assertThat((FeatureVector) all.resultAt(2)).isEqualTo(eth);
          assertThat((FeatureVector) all.resultAt(3)).isNull();
          assertThat(FeatureSnapshotCache.key("BTC/USD", 60)).isEqualTo("features:BTC/USD:60");
          ctx.completeNow();
        })));
  }

  private static FeatureVector vector(String symbol, int timeframeSec, long seq, double price) {
    return FeatureVector.newBuilder()
        .setMeta(Meta.newBuilder().setId("md-" + seq).setSeq(seq).setEventTimeUs(1_385_337_600_000_000L + seq))
        .setInstrument(Instrument.newBuilder().setSymbol(symbol).setVenue("bitstamp").setPriceScale(2).setSizeScale(8))
        .setTimeframeSec(timeframeSec)
        .setPrice(price)
        .setEmaFast(price - 0.5)
        .setRsi(55.5)
        .setTradesSeen(seq)
        .build();
  }
}
