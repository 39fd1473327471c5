package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The market as a quoting strategy sees it on one tick, taken from the consensus's features.
 *
 * @param instrument the instrument quoted
 * @param nowUs      event time of the tick (the clock of every refresh, delay and horizon)
 * @param mid        reference price: the book mid when there is a book, else the last price
 * @param bestBid    best bid in price units, 0 without a book
 * @param bestAsk    best ask in price units, 0 without a book
 * @param lastPrice  last trade price in price units
 */
public record MarketView(Instrument instrument, long nowUs, double mid, long bestBid, long bestAsk, long lastPrice) {

  /** Decimals below a price or size unit that are double noise, not intent. */
  private static final int NOISE_DIGITS = 4;

  /** The view of one consensus (whose features passed the framework's input checks). */
  public static MarketView of(Consensus consensus) {
    FeatureVector features = consensus.getFeatures();
    Instrument instrument = features.getInstrument();
    int scale = instrument.getPriceScale();
    double mid = features.getMid() > 0 ? features.getMid() : features.getPrice();
    long bid = features.getBestBid() > 0 ? FixedPoint.toUnits(features.getBestBid(), scale) : 0;
    long ask = features.getBestAsk() > 0 ? FixedPoint.toUnits(features.getBestAsk(), scale) : 0;
    return new MarketView(instrument, consensus.getMeta().getEventTimeUs(), mid, bid, ask,
        FixedPoint.toUnits(features.getPrice(), scale));
  }

  /**
   * The lowest price a post-only sell may rest at without taking: above the best bid, or above the
   * last trade without a book (the paper exchange refuses a post-only order that crosses it).
   */
  public long sellFloorExclusive() {
    return bestBid > 0 ? bestBid : lastPrice;
  }

  /** The highest price a post-only buy may rest at without taking, exclusive. */
  public long buyCeilingExclusive() {
    return bestAsk > 0 ? bestAsk : lastPrice;
  }

  /** A model price as a bid in price units: rounded down to the tick, so rounding never tightens; 0 if not positive. */
  public long bidUnits(double price) {
    return units(price, true);
  }

  /** A model price as an ask in price units: rounded up to the tick; 0 if not positive. */
  public long askUnits(double price) {
    return units(price, false);
  }

  /** Base units (a config amount such as 0.05 BTC) as size units, rounded down to the lot. */
  public long sizeUnits(double amount) {
    if (!(amount > 0) || !Double.isFinite(amount)) {
      return 0;
    }
    return FixedPoint.roundToLot(whole(amount, instrument.getSizeScale(), RoundingMode.FLOOR), instrument);
  }

  /** Price units as a price. */
  public double price(long units) {
    return FixedPoint.toDouble(units, instrument.getPriceScale());
  }

  /** Size units as base units. */
  public double amount(long units) {
    return FixedPoint.toDouble(units, instrument.getSizeScale());
  }

  /** The smallest order size the venue takes, in size units. */
  public long minSize() {
    return Math.max(1, instrument.getMinSize());
  }

  private long units(double price, boolean bid) {
    if (!(price > 0) || !Double.isFinite(price)) {
      return 0;
    }
    long raw = whole(price, instrument.getPriceScale(), bid ? RoundingMode.FLOOR : RoundingMode.CEILING);
    return Math.max(0, FixedPoint.roundToTick(raw, instrument, bid));
  }

  /**
   * A model number in units of 10^-scale, rounded the given way. It is first rounded half-even to
   * 10^-4 of a unit: arithmetic on doubles leaves 1010.0000000000001 or 0.14999999999999997, and a
   * floor or ceiling taken on that noise would move the order a whole tick or lot.
   */
  private static long whole(double value, int scale, RoundingMode mode) {
    return BigDecimal.valueOf(value).movePointRight(scale).setScale(NOISE_DIGITS, RoundingMode.HALF_EVEN)
        .setScale(0, mode).longValueExact();
  }
}
