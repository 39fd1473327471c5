package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns one consensus (and the features in it) into bid and ask prices in price units:
 * Avellaneda–Stoikov on the mid, the reservation price nudged by the agents' consensus, the spread
 * floored, and both quotes kept on their own side of the mid so a post-only order never crosses.
 * Bids round down and asks up to the tick, so rounding never tightens the spread.
 */
public final class QuotePricer {

  /**
   * A priced pair of quotes.
   *
   * @param bid price units; 0 when the model gives no usable bid (at or below zero)
   * @param ask price units
   */
  public record Plan(double mid, double reservationPrice, double spread, long bid, long ask) {
  }

  private static final double BPS = 10_000;

  private final AvellanedaStoikov model;
  private final double horizonSeconds;
  private final double minSpreadBps;
  private final double consensusSkewBps;

  /**
   * @param horizonSeconds   horizon σ is scaled to; the model runs in horizon units with T − t = 1
   *                         (a rolling horizon, Hummingbot's "infinite" execution timeframe)
   * @param minSpreadBps     floor of the bid–ask distance, in basis points of the mid
   * @param consensusSkewBps reservation shift per unit of consensus score (quorum only), in bps of the mid
   */
  public QuotePricer(AvellanedaStoikov model, double horizonSeconds, double minSpreadBps, double consensusSkewBps) {
    this.model = model;
    this.horizonSeconds = horizonSeconds;
    this.minSpreadBps = minSpreadBps;
    this.consensusSkewBps = consensusSkewBps;
  }

  /** Mid of the features: the book mid when there is one, else the last price. */
  public static double mid(FeatureVector features) {
    return features.getMid() > 0 ? features.getMid() : features.getPrice();
  }

  /** @param inventory base units held minus the target, e.g. +0.3 when 0.3 BTC long of target */
  public Plan price(Consensus consensus, double inventory) {
    FeatureVector features = consensus.getFeatures();
    double mid = mid(features);
    double sigma = AvellanedaStoikov.horizonSigma(mid, features.getVolatility(), features.getTradeRate(), horizonSeconds);
    AvellanedaStoikov.Quote quote = model.quote(mid, inventory, sigma, 1.0);
    double skew = consensus.getQuorum() ? mid * consensusSkewBps * consensus.getScore() / BPS : 0;
    double reservation = quote.reservationPrice() + skew;
    double spread = Math.max(quote.spread(), mid * minSpreadBps / BPS);
    double halfFloor = mid * minSpreadBps / (2 * BPS);
    double bid = Math.min(reservation - spread / 2, mid - halfFloor);
    double ask = Math.max(reservation + spread / 2, mid + halfFloor);
    Instrument instrument = features.getInstrument();
    return new Plan(mid, reservation, spread, units(bid, instrument, true), units(ask, instrument, false));
  }

  private static long units(double price, Instrument instrument, boolean bid) {
    if (!(price > 0)) {
      return 0;
    }
    long raw = BigDecimal.valueOf(price).movePointRight(instrument.getPriceScale())
        .setScale(0, bid ? RoundingMode.FLOOR : RoundingMode.CEILING).longValueExact();
    long rounded = FixedPoint.roundToTick(raw, instrument, bid);
    return Math.max(0, rounded);
  }
}
