package dev.tradingsystem.shared.cache;

import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the cache adapter from config: Redis when {@code cache.redis.url} is set, in-process otherwise. */
public final class Caches {

  private static final Logger LOG = LoggerFactory.getLogger(Caches.class);

  private Caches() {
  }

  /** The configured cache. @throws dev.tradingsystem.shared.config.ConfigException on a bad key */
  public static Cache create(Vertx vertx, ConfigReader cfg) {
    return create(vertx, CacheConfig.from(cfg));
  }

  public static Cache create(Vertx vertx, CacheConfig config) {
    if (config.usesRedis()) {
      LOG.info("Cache: Redis at {} (namespace {})", redact(config.redisUrl()), config.namespace());
      return RedisCache.create(vertx, config);
    }
    LOG.info("Cache: in-process, at most {} entries (namespace {})", config.maxEntries(), config.namespace());
    return new InProcessCache(config.namespace(), config.maxEntries(), System::currentTimeMillis);
  }

  /** {@code trading_cache_errors_total{op}}: cache calls that failed in the backing store. */
  static Counter errors(String op) {
    return TradingMetrics.counter("trading_cache_errors", "Cache calls that failed in the backing store, by operation",
        "op", op);
  }

  /** The URL without a password, for logs. */
  static String redact(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }
}
