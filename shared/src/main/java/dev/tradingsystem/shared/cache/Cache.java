package dev.tradingsystem.shared.cache;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Latest-value store shared by the services: snapshots and idempotency keys. Two adapters sit
 * behind it, chosen by {@link Caches#create}: Redis when {@code cache.redis.url} is configured
 * (shared across processes), an in-process map otherwise (one JVM, the co-located default).
 *
 * <p>Keys are given without namespace; the adapter prefixes its namespace
 * ({@code <namespace>:<key>}), so several deployments can share one Redis.
 *
 * <p>Failures: every method answers a failed future, never throws. A failure of the backing store
 * fails with {@link CacheException} naming the operation and key, and is counted in
 * {@code trading_cache_errors_total{op}}.
 */
public interface Cache {

  /** Stores {@code value} under {@code key}, replacing what was there, expiring after {@code ttl} (must be positive). */
  Future<Void> put(String key, byte[] value, Duration ttl);

  /** Stores the serialized message (protobuf bytes, the same as on the wire). */
  default Future<Void> put(String key, MessageLite message, Duration ttl) {
    return put(key, message.toByteArray(), ttl);
  }

  /** The stored bytes, or {@code null} when absent or expired. */
  Future<byte[]> get(String key);

  /**
   * The stored message parsed with {@code parser}, or {@code null} when absent or expired. Bytes
   * that do not parse fail the future with a {@link CacheException}.
   */
  default <T> Future<T> get(String key, Parser<T> parser) {
    return get(key).compose(bytes -> {
      if (bytes == null) {
        return Future.succeededFuture();
      }
      try {
        return Future.succeededFuture(parser.parseFrom(bytes));
      } catch (Exception e) {
        return Future.failedFuture(new CacheException("get", key, "stored value does not parse: " + e.getMessage(), e));
      }
    });
  }

  /** Removes {@code key}; answers whether something was removed. */
  Future<Boolean> delete(String key);

  /** The namespace this cache prefixes to every key. */
  String namespace();

  /** Which adapter this is: {@code redis} or {@code in-process} (for stats and logs). */
  String backend();

  /** Releases connections; the cache is unusable afterwards. */
  Future<Void> close();
}
