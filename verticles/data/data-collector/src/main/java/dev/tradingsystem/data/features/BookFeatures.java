package dev.tradingsystem.data.features;

import dev.tradingsystem.data.book.BookView;

/**
 * Top-of-book features from an L2 book: best bid/ask, mid, microprice, spread, and order-book
 * imbalance at the top level and over the top {@code levels}. Reads the {@link BookView} in place
 * (no copy, no allocation). A one-sided or crossed book leaves the previous values in place and
 * reports {@link #valid()} false: a microprice across an empty side has no meaning.
 */
public final class BookFeatures {

  private final int levels;
  private final double priceDivisor;
  private boolean valid;
  private double bestBid;
  private double bestAsk;
  private double microprice;
  private double imbalance;
  private double imbalanceTopN;

  /**
   * @param levels book levels summed by the top-N imbalance
   * @param priceDivisor 10^price_scale: converts price units to prices
   */
  public BookFeatures(int levels, double priceDivisor) {
    if (levels < 1) {
      throw new IllegalArgumentException("book levels must be >= 1, got " + levels);
    }
    this.levels = levels;
    this.priceDivisor = priceDivisor;
  }

  /** @return whether the book was two-sided and uncrossed, i.e. whether the values were updated */
  public boolean update(BookView book) {
    if (book.bidDepth() == 0 || book.askDepth() == 0 || book.bidPrice(0) >= book.askPrice(0)) {
      valid = false;
      return false;
    }
    double bidSize = book.bidSize(0);
    double askSize = book.askSize(0);
    bestBid = book.bidPrice(0) / priceDivisor;
    bestAsk = book.askPrice(0) / priceDivisor;
    double topSize = bidSize + askSize;
    // Microprice leans toward the side more likely to be hit: the ask when bids are heavy.
    microprice = topSize > 0 ? (bestBid * askSize + bestAsk * bidSize) / topSize : (bestBid + bestAsk) / 2;
    imbalance = topSize > 0 ? (bidSize - askSize) / topSize : 0;
    double bids = 0;
    double asks = 0;
    for (int i = 0, n = Math.min(levels, book.bidDepth()); i < n; i++) {
      bids += book.bidSize(i);
    }
    for (int i = 0, n = Math.min(levels, book.askDepth()); i < n; i++) {
      asks += book.askSize(i);
    }
    imbalanceTopN = bids + asks > 0 ? (bids - asks) / (bids + asks) : 0;
    valid = true;
    return true;
  }

  /** Whether the last update saw a usable book. */
  public boolean valid() {
    return valid;
  }

  public double bestBid() {
    return bestBid;
  }

  public double bestAsk() {
    return bestAsk;
  }

  public double mid() {
    return (bestBid + bestAsk) / 2;
  }

  public double microprice() {
    return microprice;
  }

  /** Quoted spread over mid in basis points. */
  public double spreadBps() {
    return (bestAsk - bestBid) / mid() * 10_000;
  }

  /** (bid - ask) / (bid + ask) of the best level's sizes, in [-1, 1]. */
  public double imbalance() {
    return imbalance;
  }

  /** The same over the summed sizes of the top N levels. */
  public double imbalanceTopN() {
    return imbalanceTopN;
  }
}
