package dev.tradingsystem.agents.qwen;

/** Liquidity state judged from the spread against its own recent level. */
public enum SpreadRegime {
  /** The spread is near its baseline (or unknown): imbalances are informative. */
  NORMAL,
  /** The spread blew out: liquidity has left, and the model halves its confidence. */
  WIDE
}
