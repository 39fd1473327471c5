package dev.tradingsystem.agents.fingpt;

/**
 * Delay before a feed's next poll: the poll interval while it answers; after {@code n}
 * consecutive failures {@code min(maxBackoff, interval * 2^n)}, jittered into its upper half
 * so feeds that failed together (a network blip) do not retry together. A server's
 * {@code Retry-After} lengthens the delay, up to the same ceiling.
 *
 * @param pollMs       the interval between polls of a healthy feed
 * @param maxBackoffMs the longest delay after failures
 */
public record PollBackoff(long pollMs, long maxBackoffMs) {

  /**
   * @param failures     consecutive failures so far (0: the last poll worked)
   * @param retryAfterMs the server's {@code Retry-After}, 0 when it sent none
   * @param random       uniform in [0, 1): the jitter
   */
  public long delayMs(int failures, long retryAfterMs, double random) {
    if (failures <= 0) {
      return pollMs;
    }
    long ceiling = Math.max(pollMs, maxBackoffMs);
    long base = pollMs << Math.min(failures, 20);
    base = base <= 0 || base > ceiling ? ceiling : base;
    long jittered = base / 2 + (long) (random * (base - base / 2));
    return Math.min(ceiling, Math.max(jittered, retryAfterMs));
  }
}
