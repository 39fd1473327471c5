package dev.tradingsystem.shared.cache;

/** A cache operation that failed: the backing store was unreachable, timed out or answered an error. */
public final class CacheException extends RuntimeException {

  private final String op;
  private final String key;

  public CacheException(String op, String key, String reason, Throwable cause) {
    super("cache " + op + " '" + key + "' failed: " + reason, cause);
    this.op = op;
    this.key = key;
  }

  /** The operation: {@code put}, {@code get} or {@code delete}. */
  public String op() {
    return op;
  }

  /** The key as the caller gave it (without namespace). */
  public String key() {
    return key;
  }
}
