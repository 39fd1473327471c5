package dev.tradingsystem.data.ratelimit;

/**
 * Milliseconds for rate-limit windows and bans. An interface so the limiter's rules are tested on
 * a hand-moved clock instead of by sleeping.
 */
@FunctionalInterface
public interface RateLimitClock {

  /** Wall time, because exchange windows and Retry-After are wall-clock. */
  RateLimitClock SYSTEM = System::currentTimeMillis;

  long nowMillis();
}
