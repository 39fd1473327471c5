package dev.tradingsystem.shared.clock;

/** Time as far as the observed events have gone. Monotonic: a late event does not move it back. */
public final class EventTimeClock implements TradingClock {

  private volatile long now;

  @Override
  public long nowMicros() {
    return now;
  }

  @Override
  public void observe(long eventTimeMicros) {
    if (eventTimeMicros > now) {
      now = eventTimeMicros;
    }
  }
}
