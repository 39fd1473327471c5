package dev.tradingsystem.shared.clock;

/**
 * The only source of "now" for trading logic. Replay drives it from event time, so a backtest
 * and a paper run of the same data take the same decisions; live it is the wall clock.
 */
public interface TradingClock {

  /** Microseconds since the epoch. */
  long nowMicros();

  /**
   * Tells the clock that an event with this event time was observed. The wall clock ignores it;
   * the event-time clock moves forward, never back.
   */
  default void observe(long eventTimeMicros) {
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
