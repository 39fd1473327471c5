package dev.tradingsystem.shared.cache;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The cache inside this JVM: a bounded map (least recently used entries are evicted first) with
 * expiry read from an injected clock, so tests control time. Safe to share between verticles on
 * different event loops: every call holds the lock for a map operation only. Values are copied in
 * and out, so a caller mutating its array cannot change what another caller reads.
 */
public final class InProcessCache implements Cache {

  private record Entry(byte[] value, long expiresAtMs) {
  }

  private final String namespace;
  private final int maxEntries;
  private final LongSupplier nowMillis;
  private final LinkedHashMap<String, Entry> entries;
  private boolean closed;

  /**
   * @param namespace prefix of every key
   * @param maxEntries how many keys are kept before the least recently used is evicted
   * @param nowMillis the clock expiry is measured against, in milliseconds
   */
  public InProcessCache(String namespace, int maxEntries, LongSupplier nowMillis) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
    }
    this.namespace = namespace;
    this.maxEntries = maxEntries;
    this.nowMillis = nowMillis;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > InProcessCache.this.maxEntries;
      }
    };
  }

  @Override
  public Future<Void> put(String key, byte[] value, Duration ttl) {
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      return Future.failedFuture(new IllegalArgumentException("ttl must be positive, got " + ttl));
    }
    byte[] copy = Arrays.copyOf(value, value.length);
    long expiresAt = saturatedAdd(nowMillis.getAsLong(), ttl.toMillis());
    synchronized (entries) {
      if (closed) {
        return closedFailure("put", key);
      }
      entries.put(qualified(key), new Entry(copy, expiresAt));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<byte[]> get(String key) {
    String qualified = qualified(key);
    long now = nowMillis.getAsLong();
    synchronized (entries) {
      if (closed) {
        return closedFailure("get", key);
      }
      Entry entry = entries.get(qualified);
      if (entry == null) {
        return Future.succeededFuture();
      }
      if (entry.expiresAtMs() <= now) {
        entries.remove(qualified);
        return Future.succeededFuture();
      }
      return Future.succeededFuture(Arrays.copyOf(entry.value(), entry.value().length));
    }
  }

  @Override
  public Future<Boolean> delete(String key) {
    String qualified = qualified(key);
    long now = nowMillis.getAsLong();
    synchronized (entries) {
      if (closed) {
        return closedFailure("delete", key);
      }
      Entry removed = entries.remove(qualified);
      return Future.succeededFuture(removed != null && removed.expiresAtMs() > now);
    }
  }

  /** Keys currently held, expired ones included until they are read or evicted. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public String backend() {
    return "in-process";
  }

  @Override
  public Future<Void> close() {
    synchronized (entries) {
      closed = true;
      entries.clear();
    }
    return Future.succeededFuture();
  }

  private String qualified(String key) {
    return namespace + ":" + key;
  }

  private static <T> Future<T> closedFailure(String op, String key) {
    Caches.errors(op).increment();
    return Future.failedFuture(new CacheException(op, key, "cache is closed", null));
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
