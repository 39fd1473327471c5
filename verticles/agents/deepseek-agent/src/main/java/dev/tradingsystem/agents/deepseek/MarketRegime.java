package dev.tradingsystem.agents.deepseek;

/** What the return horizons say about the market right now. */
public enum MarketRegime {
  /** Short, medium and long returns point the same way: momentum is worth following. */
  TREND,
  /** The horizons disagree (a short move against the longer drift): momentum is likely to fade. */
  MEAN_REVERSION
}
