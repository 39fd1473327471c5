package dev.tradingsystem.shared.msg;

/**
 * Deterministic ids: a prefix and a counter. Replaying the same data yields the same ids, which
 * is what lets two runs be compared order by order. Not thread-safe: one per verticle.
 */
public final class IdSequence {

  private final String prefix;
  private long next = 1;

  public IdSequence(String prefix) {
    this.prefix = prefix;
  }

  public String next() {
    return prefix + "-" + next++;
  }

  public long issued() {
    return next - 1;
  }
}
