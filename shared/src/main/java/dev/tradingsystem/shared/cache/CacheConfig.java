package dev.tradingsystem.shared.cache;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;

/**
 * Cache settings ({@code cache.*}), read and validated once.
 *
 * @param redisUrl {@code redis://host:port[/db]}; blank means the in-process cache. Redis shares
 *     snapshots between processes (clustered mode) at the price of a network hop per call
 * @param namespace prefix of every key; separate deployments sharing one Redis need different ones
 * @param maxEntries bound of the in-process cache (least recently used entries go first); large
 *     values hold more symbols and timeframes, at the cost of heap
 * @param redisTimeoutMs deadline of one Redis call; short values fail fast when Redis is down,
 *     long ones ride out a slow failover
 * @param redisMaxPoolSize connections to Redis; more allow more calls in flight
 */
public record CacheConfig(String redisUrl, String namespace, int maxEntries, long redisTimeoutMs,
    int redisMaxPoolSize) {

  public static final String DEFAULT_NAMESPACE = "trading";
  public static final int DEFAULT_MAX_ENTRIES = 100_000;
  public static final long DEFAULT_REDIS_TIMEOUT_MS = 1_000;
  public static final int DEFAULT_REDIS_MAX_POOL_SIZE = 8;

  /** Reads and validates every key. @throws ConfigException naming the first bad key */
  public static CacheConfig from(ConfigReader cfg) {
    String url = cfg.string("cache.redis.url", "").trim();
    if (!url.isEmpty() && !(url.startsWith("redis://") || url.startsWith("rediss://") || url.startsWith("unix://"))) {
      throw new ConfigException("cache.redis.url", "'" + url + "' is not a redis://, rediss:// or unix:// URL");
    }
    String namespace = cfg.string("cache.namespace", DEFAULT_NAMESPACE).trim();
    if (namespace.isEmpty() || namespace.contains(" ")) {
      throw new ConfigException("cache.namespace", "must be a non-empty word without spaces");
    }
    return new CacheConfig(url, namespace,
        cfg.integer("cache.maxEntries", DEFAULT_MAX_ENTRIES, 1, 100_000_000),
        cfg.integer("cache.redis.timeoutMs", DEFAULT_REDIS_TIMEOUT_MS, 1, 600_000),
        cfg.integer("cache.redis.maxPoolSize", DEFAULT_REDIS_MAX_POOL_SIZE, 1, 1_024));
  }

  /** True when a Redis URL is configured. */
  public boolean usesRedis() {
    return !redisUrl.isEmpty();
  }
}
