package dev.tradingsystem.portfolio.book;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One strategy's position in one instrument with average-cost accounting.
 *
 * <p>The cost basis is signed like the quantity (a short has a negative cost). A fill that adds
 * to the position adds its notional to the cost; a fill that reduces it releases the closed
 * share of the cost and realises the difference to the closing notional; a fill larger than the
 * position closes it and opens the rest on the other side at the fill price. Splitting one fill's
 * notional into a closing and an opening part (rather than recomputing each) keeps
 * cash + market value equal to initial capital + realised + unrealised - fees to the micro.
 * Realised P&amp;L is gross; fees are kept apart.
 */
public final class StrategyPosition {

  private final String strategyId;
  private final Instrument instrument;
  private long quantity;
  private long costMicros;
  private long realizedMicros;
  private long feesMicros;
  private long markPrice;

  public StrategyPosition(String strategyId, Instrument instrument) {
    this.strategyId = strategyId;
    this.instrument = instrument;
  }

  /**
   * Applies one fill.
   *
   * @return the fill notional in micros (unsigned), for the cash account
   */
  public long apply(Side side, long price, long size, long feeMicros) {
    long notional = FixedPoint.notionalMicros(price, size, instrument);
    long signedSize = side == Side.BUY ? size : -size;
    feesMicros += feeMicros;
    if (quantity == 0 || Long.signum(quantity) == Long.signum(signedSize)) {
      quantity += signedSize;
      costMicros += Long.signum(signedSize) * notional;
    } else {
      long open = Math.abs(quantity);
      long closing = Math.min(size, open);
      long closingNotional = closing == size ? notional : FixedPoint.notionalMicros(price, closing, instrument);
      long releasedCost = closing == open ? costMicros : share(costMicros, closing, open);
      realizedMicros += Long.signum(quantity) * closingNotional - releasedCost;
      costMicros -= releasedCost;
      quantity += signedSize;
      if (size > closing) {
        costMicros += Long.signum(signedSize) * (notional - closingNotional);
      }
    }
    if (markPrice == 0) {
      markPrice = price;
    }
    return notional;
  }

  /** Marks the open quantity at a price (the last trade of the instrument). */
  public void mark(long price) {
    markPrice = price;
  }

  /** Signed value of the open quantity at the mark, micros. */
  public long marketValueMicros() {
    if (quantity == 0) {
      return 0;
    }
    return Long.signum(quantity) * FixedPoint.notionalMicros(markPrice, Math.abs(quantity), instrument);
  }

  public long unrealizedMicros() {
    return quantity == 0 ? 0 : marketValueMicros() - costMicros;
  }

  public String strategyId() {
    return strategyId;
  }

  public Instrument instrument() {
    return instrument;
  }

  public long quantity() {
    return quantity;
  }

  public long costMicros() {
    return costMicros;
  }

  public long realizedMicros() {
    return realizedMicros;
  }

  public long feesMicros() {
    return feesMicros;
  }

  public long markPrice() {
    return markPrice;
  }

  public Position toProto() {
    return Position.newBuilder()
        .setStrategyId(strategyId)
        .setInstrument(instrument)
        .setQuantity(quantity)
        .setCostMicros(costMicros)
        .setRealizedPnlMicros(realizedMicros)
        .setUnrealizedPnlMicros(unrealizedMicros())
        .setFeesMicros(feesMicros)
        .setMarkPrice(markPrice)
        .build();
  }

  /** amount × part / whole, half-even, without overflow (cost micros × satoshis exceeds a long). */
  private static long share(long amount, long part, long whole) {
    return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(part))
        .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_EVEN).longValueExact();
  }
}
