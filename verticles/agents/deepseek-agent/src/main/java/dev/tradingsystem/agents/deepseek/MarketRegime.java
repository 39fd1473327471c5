package dev.tradingsystem.agents.deepseek;

/** What the return horizons say about the market right now. */
public enum MarketRegime {
  /** Short, medium and long returns point the same way: momentum is worth following. */
  TREND,
  /**
   * A trend whose price has left the Bollinger band on its side: the move is breaking out of its
   * recent range, where a stretched RSI confirms the move instead of warning against it.
   */
  BREAKOUT,
  /** The horizons disagree (a short move against the longer drift): momentum is likely to fade. */
  MEAN_REVERSION
}
