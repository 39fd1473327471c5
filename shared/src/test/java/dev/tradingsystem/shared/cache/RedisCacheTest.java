package dev.tradingsystem.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.testing.RedisServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis adapter against the cache contract, on a real redis-server started for this class. */
class RedisCacheTest extends CacheContractTest {

  private static RedisServer server;

  @BeforeAll
  static void startRedis() {
    server = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected Cache newCache(Vertx vertx, String namespace) {
    return Caches.create(vertx, ConfigReader.of(config(server.url(), namespace)));
  }

  /** Redis expires on its own clock, so real time has to pass: a timer, not a sleep. */
  @Override
  protected Future<Void> elapse(Vertx vertx, Duration ttl) {
    return vertx.timer(ttl.toMillis() + 50).mapEmpty();
  }

  @Override
  protected Duration shortTtl() {
    return Duration.ofMillis(100);
  }

  @Test
  void configWithRedisUrlChoosesRedisAndWithoutItInProcess(Vertx vertx) {
    assertThat(cache.backend()).isEqualTo("redis");
    Cache local = Caches.create(vertx, ConfigReader.of(new JsonObject().put("$env", new JsonObject())));
    assertThat(local.backend()).isEqualTo("in-process");
    assertThat(local.namespace()).isEqualTo(CacheConfig.DEFAULT_NAMESPACE);
    local.close();
  }

  @Test
  void valuesAreStoredUnderTheNamespacedKeyWithAMillisecondExpiry(VertxTestContext ctx, Vertx vertx) {
    io.vertx.redis.client.Redis raw = io.vertx.redis.client.Redis.createClient(vertx, server.url());
    cache.put("features:BTC/USD:0", new byte[] {4, 2}, Duration.ofSeconds(30))
        .compose(v -> raw.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.PTTL)
            .arg(cache.namespace() + ":features:BTC/USD:0")))
        .onComplete(ctx.succeeding(pttl -> ctx.verify(() -> {
          assertThat(pttl.toLong()).isBetween(1L, 30_000L);
          raw.close();
          ctx.completeNow();
        })));
  }

  @Test
  void unreachableRedisFailsEachCallWithAClearErrorAndCountsIt(VertxTestContext ctx, Vertx vertx) {
    RedisServer doomed = RedisServer.start();
    Cache cut = Caches.create(vertx, ConfigReader.of(config(doomed.url(), "cut").put("cache", new JsonObject()
        .put("redis", new JsonObject().put("url", doomed.url()).put("timeoutMs", 2_000)))));
    double putErrors = Caches.errors("put").count();
    double getErrors = Caches.errors("get").count();
    cut.put("k", new byte[] {1}, Duration.ofMinutes(1))
        .compose(v -> {
          doomed.close();
          return cut.get("k");
        })
        .recover(firstFailure -> cut.get("k"))
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          assertThat(err).isInstanceOf(CacheException.class).hasMessageContaining("cache get 'k' failed: redis");
          assertThat(((CacheException) err).op()).isEqualTo("get");
          assertThat(Caches.errors("get").count()).isGreaterThan(getErrors);
          assertThat(Caches.errors("put").count()).isEqualTo(putErrors);
          cut.close();
          ctx.completeNow();
        })));
  }

  private static JsonObject config(String url, String namespace) {
    return new JsonObject()
        .put("$env", new JsonObject())
        // A generous deadline: the first call opens the connection, and CI machines are busy.
        .put("cache", new JsonObject().put("namespace", namespace).put("redis", new JsonObject().put("url", url)
            .put("timeoutMs", 10_000)));
  }
}
