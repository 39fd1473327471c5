package dev.tradingsystem.shared.clock;

/**
 * The only source of "now" for trading logic. Replay drives it from event time, so a backtest
 * and a paper run of the same data take the same decisions; live it is the wall clock.
 */
public interface TradingClock {

  /**
   * Default deadline of a call inside the pipeline during replay. The replay barrier already
   * bounds what is in flight, and a deadline that fires in replay changes a decision (a missing
   * agent, a stale snapshot) depending on machine load, which would break determinism. So replay
   * waits long; live keeps each service's short deadline.
   */
  long REPLAY_DEADLINE_MS = 30_000;

  /** Microseconds since the epoch. */
  long nowMicros();

  /**
   * Tells the clock that an event with this event time was observed. The wall clock ignores it;
   * the event-time clock moves forward, never back.
   */
  default void observe(long eventTimeMicros) {
  }

  /** The default deadline for a clock mode: {@link #REPLAY_DEADLINE_MS} in replay, {@code liveMillis} live. */
  static long defaultDeadlineMillis(String clockMode, long liveMillis) {
    return "event".equals(clockMode) ? Math.max(liveMillis, REPLAY_DEADLINE_MS) : liveMillis;
  }

  static TradingClock wall() {
    return WallClock.INSTANCE;
  }

  static TradingClock eventTime() {
    return new EventTimeClock();
  }

  /** {@code event} in replay, {@code wall} live. */
  static TradingClock forMode(String mode) {
    return switch (mode) {
      case "event" -> eventTime();
      case "wall" -> wall();
      default -> throw new IllegalArgumentException("clock mode must be 'event' or 'wall', got '" + mode + "'");
    };
  }
}
