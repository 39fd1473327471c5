package dev.tradingsystem.shared.clock;

import java.time.Instant;

/** Wall-clock time with microsecond resolution where the platform offers it. */
public final class WallClock implements TradingClock {

  static final WallClock INSTANCE = new WallClock();

  private WallClock() {
  }

  @Override
  public long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /** Wall time in microseconds for latency stamps, independent of the trading clock in use. */
  public static long micros() {
    return INSTANCE.nowMicros();
  }
}
