package dev.tradingsystem.shared.cache;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache in Redis (vertx-redis-client): {@code SET key value PX ttl}, {@code GET}, {@code DEL}.
 * Values are raw bytes (protobuf for messages), so any service and any language reads them.
 *
 * <p>Redis being down or slow does not crash the caller: each call has a deadline and fails with
 * a {@link CacheException} naming the operation, counted in {@code trading_cache_errors_total{op}}.
 * The client reconnects on the next call, so service resumes when Redis is back.
 */
public final class RedisCache implements Cache {

  private static final Logger LOG = LoggerFactory.getLogger(RedisCache.class);

  private final Redis redis;
  private final String namespace;
  private final long timeoutMs;

  private RedisCache(Redis redis, String namespace, long timeoutMs) {
    this.redis = redis;
    this.namespace = namespace;
    this.timeoutMs = timeoutMs;
  }

  /** A client for {@code config.redisUrl()}; connections open lazily, on the first call. */
  public static RedisCache create(Vertx vertx, CacheConfig config) {
    RedisOptions options = new RedisOptions()
        .setConnectionString(config.redisUrl())
        .setMaxPoolSize(config.redisMaxPoolSize())
        .setMaxPoolWaiting(Math.max(64, config.redisMaxPoolSize() * 32));
    return new RedisCache(Redis.createClient(vertx, options), config.namespace(), config.redisTimeoutMs());
  }

  @Override
  public Future<Void> put(String key, byte[] value, Duration ttl) {
    if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.toMillis() == 0) {
      return Future.failedFuture(new IllegalArgumentException("ttl must be at least 1 ms, got " + ttl));
    }
    Request set = Request.cmd(Command.SET).arg(qualified(key)).arg(Buffer.buffer(value)).arg("PX").arg(ttl.toMillis());
    return call("put", key, set, response -> null);
  }

  @Override
  public Future<byte[]> get(String key) {
    return call("get", key, Request.cmd(Command.GET).arg(qualified(key)), response -> response == null ? null : response.toBytes());
  }

  @Override
  public Future<Boolean> delete(String key) {
    return call("delete", key, Request.cmd(Command.DEL).arg(qualified(key)),
        response -> response != null && response.toLong() > 0);
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public String backend() {
    return "redis";
  }

  @Override
  public Future<Void> close() {
    redis.close();
    return Future.succeededFuture();
  }

  private <T> Future<T> call(String op, String key, Request request, Function<Response, T> reply) {
    Future<Response> sent;
    try {
      sent = redis.send(request).timeout(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    return sent.transform(ar -> {
      if (ar.succeeded()) {
        try {
          return Future.succeededFuture(reply.apply(ar.result()));
        } catch (RuntimeException e) {
          return failure(op, key, "unexpected reply " + ar.result() + ": " + e.getMessage(), e);
        }
      }
      return failure(op, key, String.valueOf(ar.cause().getMessage()), ar.cause());
    });
  }

  private <T> Future<T> failure(String op, String key, String reason, Throwable cause) {
    Caches.errors(op).increment();
    LOG.debug("Redis {} of {} failed: {}", op, key, reason);
    return Future.failedFuture(new CacheException(op, key, "redis: " + reason, cause));
  }

  private String qualified(String key) {
    return namespace + ":" + key;
  }
}
