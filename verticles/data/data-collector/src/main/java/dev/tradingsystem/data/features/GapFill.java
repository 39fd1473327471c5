package dev.tradingsystem.data.features;

/** What a timeframe does with a bucket in which nothing traded ({@code features.gapFill}). */
public enum GapFill {
  /** No candle: the series jumps in open time and period-based indicators count bars, not time. */
  NONE,
  /**
   * A zero-volume candle at the previous close (open = high = low = close, no trades): indicators
   * keep meaning "N periods of time", and a quiet market reads as quiet (ATR and volatility decay).
   */
  FLAT
}
