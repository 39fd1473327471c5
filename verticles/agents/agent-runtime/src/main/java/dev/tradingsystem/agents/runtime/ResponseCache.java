package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Quantile;
import dev.tradingsystem.shared.cache.Cache;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Remote answers in the cache port, keyed by (hash of the exact request, as-of event time): a
 * backtest or incident replay asks the same questions at the same event times, so it gets the
 * same answers, deterministically, and pays for none of them twice. With Redis configured the
 * answers outlive the process and are shared by every replica.
 *
 * <p>A cache that fails is a miss, never a failed answer: the answer can always be asked again.
 */
public final class ResponseCache {

  private final Cache cache;
  private final String agent;
  private final Duration ttl;

  public ResponseCache(Cache cache, String agent, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    this.cache = cache;
    this.agent = agent;
    this.ttl = ttl;
  }

  /** {@code agent-answer:<agent>:<sha-256 of model id and request>:<as-of µs>}. */
  public String key(String modelId, String canonicalRequest, long asOfMicros) {
    return "agent-answer:" + agent + ":" + sha256(modelId + "\n" + canonicalRequest) + ":" + asOfMicros;
  }

  /** The cached opinion, or null when absent, expired, unreadable or the cache is down. */
  public Future<AgentOpinion> lookup(String key) {
    return cache.get(key)
        .map(bytes -> bytes == null ? null : decode(bytes))
        .otherwise(failure -> null);
  }

  /** Stores an answer; a failure to store is logged by the cache and otherwise ignored. */
  public Future<Void> store(String key, AgentOpinion opinion) {
    return cache.put(key, encode(opinion), ttl).otherwiseEmpty();
  }

  static byte[] encode(AgentOpinion opinion) {
    JsonArray quantiles = new JsonArray();
    opinion.quantiles().forEach(q -> quantiles.add(new JsonArray().add(q.getLevel()).add(q.getValue())));
    return new JsonObject()
        .put("direction", opinion.direction().name())
        .put("strength", opinion.strength())
        .put("confidence", opinion.confidence())
        .put("horizonSec", opinion.horizonSec())
        .put("quantiles", quantiles)
        .put("rationale", opinion.rationale())
        .encode().getBytes(StandardCharsets.UTF_8);
  }

  /** The opinion in stored bytes, or null when they are not one (a foreign or older entry). */
  static AgentOpinion decode(byte[] bytes) {
    try {
      JsonObject json = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
      List<Quantile> quantiles = new ArrayList<>();
      for (Object entry : json.getJsonArray("quantiles")) {
        JsonArray pair = (JsonArray) entry;
        quantiles.add(Quantile.newBuilder().setLevel(pair.getDouble(0)).setValue(pair.getDouble(1)).build());
      }
      return new AgentOpinion(Direction.valueOf(json.getString("direction")), json.getDouble("strength"),
          json.getDouble("confidence"), json.getInteger("horizonSec"), quantiles, json.getString("rationale"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
