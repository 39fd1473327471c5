package dev.tradingsystem.frameworks.hummingbot.backtest;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The backtested strategy's money, in fixed point: cash in micros of quote currency, inventory in
 * size units, and the average-cost position the portfolio would report (cost basis signed like the
 * quantity; realised P&amp;L gross, fees apart). Equity is cash plus inventory at the mid, so
 * cash + inventory × mid = equity holds exactly at every step. Not thread-safe.
 */
public final class BacktestAccount {

  private final Instrument instrument;
  private long cashMicros;
  private long position;
  private long costMicros;
  private long realizedMicros;
  private long feesMicros;

  public BacktestAccount(Instrument instrument, long initialCashMicros) {
    this.instrument = instrument;
    this.cashMicros = initialCashMicros;
  }

  /** A fill: cash pays (or receives) the notional and the fee, the position and its cost move. */
  public void apply(Side side, long price, long quantity, long feeMicros) {
    long notional = FixedPoint.notionalMicros(price, quantity, instrument);
    long signed = side == Side.BUY ? quantity : -quantity;
    cashMicros -= (side == Side.BUY ? notional : -notional) + feeMicros;
    feesMicros += feeMicros;
    if (position == 0 || Long.signum(position) == Long.signum(signed)) {
      costMicros += Long.signum(signed) * notional;
    } else {
      long open = Math.abs(position);
      long closing = Math.min(quantity, open);
      long released = closing == open ? costMicros : share(costMicros, closing, open);
      long closingNotional = FixedPoint.notionalMicros(price, closing, instrument);
      realizedMicros += Long.signum(position) * closingNotional - released;
      costMicros -= released;
      if (quantity > closing) {
        costMicros += Long.signum(signed) * FixedPoint.notionalMicros(price, quantity - closing, instrument);
      }
    }
    position += signed;
  }

  public long cashMicros() {
    return cashMicros;
  }

  public long position() {
    return position;
  }

  public long feesMicros() {
    return feesMicros;
  }

  /** Value of {@code quantity} size units at the mid of {@code bid} and {@code ask}, micros, half-even. */
  public long markMicros(long quantity, long bid, long ask) {
    return BigDecimal.valueOf(quantity).multiply(BigDecimal.valueOf(bid + ask))
        .movePointLeft(instrument.getPriceScale() + instrument.getSizeScale() - FixedPoint.MONEY_SCALE)
        .divide(BigDecimal.valueOf(2), 0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** Cash plus the inventory at the mid. */
  public long equityMicros(long bid, long ask) {
    return cashMicros + markMicros(position, bid, ask);
  }

  /** The position as the portfolio would list it in its snapshot, marked at {@code markPrice}. */
  public Position toPosition(String strategyId, long bid, long ask) {
    long mark = markMicros(position, bid, ask);
    return Position.newBuilder().setStrategyId(strategyId).setInstrument(instrument).setQuantity(position)
        .setCostMicros(costMicros).setRealizedPnlMicros(realizedMicros).setUnrealizedPnlMicros(mark - costMicros)
        .setFeesMicros(feesMicros).setMarkPrice((bid + ask) / 2).build();
  }

  /** amount × part / whole, half-even, without overflow. */
  private static long share(long amount, long part, long whole) {
    return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(part))
        .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_EVEN).longValueExact();
  }
}
