package dev.tradingsystem.frameworks.freqtrade.trade;

/** Why a trade is closed, with Freqtrade's exit-type names (they appear on the exit intent). */
public enum ExitReason {
  NONE(""),
  EXIT_SIGNAL("exit_signal"),
  CUSTOM_EXIT("custom_exit"),
  STOP_LOSS("stop_loss"),
  TRAILING_STOP_LOSS("trailing_stop_loss"),
  ROI("roi"),
  /** Our own: the trade reached {@code maxTradeMinutes} (Freqtrade users write a ROI row of -1). */
  TIME_EXIT("time_exit"),
  /** A negative {@code adjust_trade_position}: part of the trade is sold. */
  PARTIAL_EXIT("partial_exit");

  private final String label;

  ExitReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The stop-type exits StoplossGuard counts. */
  public boolean isStoploss() {
    return this == STOP_LOSS || this == TRAILING_STOP_LOSS;
  }

  /** The reason whose label starts {@code exitLabel} (labels may carry a tag after a colon), or NONE. */
  public static ExitReason ofLabel(String exitLabel) {
    String head = exitLabel == null ? "" : exitLabel.split(":", 2)[0];
    for (ExitReason reason : values()) {
      if (reason != NONE && reason.label.equals(head)) {
        return reason;
      }
    }
    return NONE;
  }
}
