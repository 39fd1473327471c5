package dev.tradingsystem.data.source;

/**
 * Which instant of a bar a candle file's time column names ({@code replay.barTime}). Either way
 * the candle's open time is its open and its event time its close (open + interval - 1 ms), so a
 * bar labelled 00:00 under {@link #OPEN} and 00:01 under {@link #CLOSE} is the same candle.
 */
public enum BarTime {
  /** The bar's first instant: ccxt, pandas resamples, Freqtrade, Binance, TradingView. */
  OPEN,
  /** The bar's end: some vendors (and pandas with {@code label="right"}) stamp bars when they close. */
  CLOSE
}
