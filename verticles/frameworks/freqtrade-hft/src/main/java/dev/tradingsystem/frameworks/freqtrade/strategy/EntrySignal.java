package dev.tradingsystem.frameworks.freqtrade.strategy;

/**
 * Freqtrade's {@code enter_long}/{@code enter_short} column for the current row: the direction to
 * open a trade in, and the entry tag that names why (it travels on the intent's reason).
 */
public record EntrySignal(TradeSide side, String tag) {

  public static final EntrySignal NONE = new EntrySignal(null, "");

  public static EntrySignal enter(TradeSide side, String tag) {
    return new EntrySignal(side, tag);
  }

  public boolean isEntry() {
    return side != null;
  }
}
