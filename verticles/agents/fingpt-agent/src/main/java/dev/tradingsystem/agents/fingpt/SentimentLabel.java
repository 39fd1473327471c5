package dev.tradingsystem.agents.fingpt;

/** The three classes of financial headline sentiment. */
public enum SentimentLabel {
  BEARISH,
  BULLISH,
  NEUTRAL
}
