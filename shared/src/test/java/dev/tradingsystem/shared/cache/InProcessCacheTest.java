package dev.tradingsystem.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-process adapter against the cache contract, with time driven by a test clock. */
class InProcessCacheTest extends CacheContractTest {

  private final AtomicLong nowMs = new AtomicLong(1_700_000_000_000L);

  @Override
  protected Cache newCache(Vertx vertx, String namespace) {
    return new InProcessCache(namespace, 1_000, nowMs::get);
  }

  @Override
  protected Future<Void> elapse(Vertx vertx, Duration ttl) {
    nowMs.addAndGet(ttl.toMillis());
    return Future.succeededFuture();
  }

  @Override
  protected Duration shortTtl() {
    return Duration.ofSeconds(30);
  }

  @Test
  void leastRecentlyUsedEntryIsEvictedBeyondTheBound() {
    InProcessCache small = new InProcessCache("lru", 2, nowMs::get);
    small.put("a", new byte[] {1}, Duration.ofMinutes(1));
    small.put("b", new byte[] {2}, Duration.ofMinutes(1));
    small.get("a");
    small.put("c", new byte[] {3}, Duration.ofMinutes(1));

    assertThat(small.size()).isEqualTo(2);
    assertThat(small.get("a").result()).containsExactly(1);
    assertThat(small.get("b").result()).as("least recently used").isNull();
    assertThat(small.get("c").result()).containsExactly(3);
  }

  @Test
  void entryIsLiveUntilTheLastMillisecondOfItsTtl() {
    InProcessCache exact = new InProcessCache("ttl", 10, nowMs::get);
    exact.put("k", new byte[] {1}, Duration.ofMillis(500));
    nowMs.addAndGet(499);
    assertThat(exact.get("k").result()).containsExactly(1);
    nowMs.addAndGet(1);
    assertThat(exact.get("k").result()).isNull();
  }

  @Test
  void callerMutatingItsArrayDoesNotChangeTheCachedValue() {
    InProcessCache copying = new InProcessCache("copy", 10, nowMs::get);
    byte[] value = {1, 2};
    copying.put("k", value, Duration.ofMinutes(1));
    value[0] = 9;
    copying.get("k").result()[1] = 9;
    assertThat(copying.get("k").result()).containsExactly(1, 2);
  }

  @Test
  void closedCacheFailsCallsAndCountsThem() {
    InProcessCache closed = new InProcessCache("closed", 10, nowMs::get);
    closed.close();
    double before = Caches.errors("get").count();
    Future<byte[]> read = closed.get("k");
    assertThat(read.failed()).isTrue();
    assertThat(read.cause()).isInstanceOf(CacheException.class).hasMessageContaining("closed");
    assertThat(Caches.errors("get").count()).isEqualTo(before + 1);
  }
}
