package dev.tradingsystem.frameworks.freqtrade.trade;

/**
 * One exit the rules found, Freqtrade's {@code ExitCheckTuple}: the exit type and, for a signal or
 * a custom exit, the strategy's tag.
 */
public record ExitCheck(ExitReason reason, String tag) {

  public static ExitCheck of(ExitReason reason) {
    return new ExitCheck(reason, "");
  }

  /** {@code roi}, {@code stop_loss}, {@code exit_signal:<tag>}, {@code custom_exit:<tag>}: the intent's reason. */
  public String label() {
    return tag == null || tag.isEmpty() ? reason.label() : reason.label() + ":" + tag;
  }
}
