package dev.tradingsystem.data.ratelimit;

/**
 * A REST call refused by the venue (429, 418) or held back by the limiter for longer than the
 * caller is willing to wait. {@link #retryAfterMs()} tells the caller when asking again makes sense.
 */
public final class RateLimitedException extends RuntimeException {

  private final int status;
  private final long retryAfterMs;

  public RateLimitedException(String venue, int status, long retryAfterMs) {
    super(venue + " REST " + (status == 0 ? "held back by the local limiter" : "answered " + status)
        + "; retry in " + retryAfterMs + " ms");
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }

  /** 429, 418, or 0 when the local limiter refused before sending. */
  public int status() {
    return status;
  }

  public long retryAfterMs() {
    return retryAfterMs;
  }
}
