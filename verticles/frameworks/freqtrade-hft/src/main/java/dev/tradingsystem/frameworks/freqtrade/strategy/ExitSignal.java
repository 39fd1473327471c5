package dev.tradingsystem.frameworks.freqtrade.strategy;

/** Freqtrade's {@code exit_long}/{@code exit_short} column: whether the strategy wants out, and why. */
public record ExitSignal(boolean exit, String tag) {

  public static final ExitSignal HOLD = new ExitSignal(false, "");

  public static ExitSignal exit(String tag) {
    return new ExitSignal(true, tag);
  }
}
