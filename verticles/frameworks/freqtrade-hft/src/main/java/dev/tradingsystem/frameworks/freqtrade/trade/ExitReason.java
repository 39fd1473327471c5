package dev.tradingsystem.frameworks.freqtrade.trade;

/** Why a trade is closed, with Freqtrade's exit-reason names (they appear on the exit intent). */
public enum ExitReason {
  NONE(""),
  STOP_LOSS("stop_loss"),
  ROI("roi"),
  EXIT_SIGNAL("exit_signal");

  private final String label;

  ExitReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
