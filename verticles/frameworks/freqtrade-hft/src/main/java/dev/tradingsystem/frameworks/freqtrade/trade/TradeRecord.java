package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.freqtrade.strategy.OpenTrade;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The framework's bookkeeping of one open trade, what Freqtrade keeps in its {@code Trade} row:
 * open time and rate, the stop, the best and worst price seen, the entry tag, how many entries
 * filled, and the P&amp;L baselines its close profit is measured from. Quantity and cost come from
 * each snapshot; everything else is ours, on the event clock. Not thread-safe: one owner.
 */
public final class TradeRecord {

  private final String pair;
  private final TradeSide side;
  private final long openedAtMicros;
  private final StopLoss stop;
  private final long realizedBaseMicros;
  private final long feesBaseMicros;
  private final int sizeScale;
  private BigDecimal openRate;
  private BigDecimal maxRate;
  private BigDecimal minRate;
  private String entryTag;
  private int successfulEntries = 1;
  private long quantity;
  private long costMicros;
  private long investedMicros;
  private long realizedMicros;
  private long feesMicros;
  private String exitLabel = "";

  /**
   * A trade first seen now.
   *
   * @param quantity     absolute quantity in size units
   * @param costMicros   absolute cost basis in micros
   * @param tick         the price increment in quote currency, for the stop
   * @param realizedBase the pair's realised P&amp;L before the trade opened (micros)
   * @param feesBase     the pair's fees before the trade opened (micros)
   */
  public TradeRecord(String pair, TradeSide side, long openedAtMicros, long quantity, long costMicros, int sizeScale,
      BigDecimal tick, String entryTag, long realizedBase, long feesBase) {
    this.pair = pair;
    this.side = side;
    this.openedAtMicros = openedAtMicros;
    this.sizeScale = sizeScale;
    this.stop = new StopLoss(side, tick);
    this.entryTag = entryTag;
    this.realizedBaseMicros = realizedBase;
    this.feesBaseMicros = feesBase;
    this.investedMicros = costMicros;
    this.realizedMicros = realizedBase;
    this.feesMicros = feesBase;
    update(quantity, costMicros);
    this.maxRate = openRate;
    this.minRate = openRate;
  }

  /** A trade for rule tests: {@code quantity} bought at {@code openRate}, fees and P&amp;L at zero. */
  public static TradeRecord opened(TradeSide side, BigDecimal openRate, long openedAtMicros, BigDecimal tick) {
    long oneUnit = 100_000_000L;
    long cost = openRate.movePointRight(FixedPoint.MONEY_SCALE).longValueExact();
    return new TradeRecord("", side, openedAtMicros, oneUnit, cost, 8, tick, "", 0, 0);
  }

  /** Takes quantity and cost from a snapshot; a growing cost is new stake committed. */
  void update(long absQuantity, long absCostMicros) {
    if (absQuantity > quantity && absCostMicros > costMicros && quantity > 0) {
      investedMicros += absCostMicros - costMicros;
    }
    quantity = absQuantity;
    costMicros = absCostMicros;
    openRate = BigDecimal.valueOf(absCostMicros).movePointRight(sizeScale)
        .divide(BigDecimal.valueOf(absQuantity).movePointRight(FixedPoint.MONEY_SCALE), MathContext.DECIMAL64);
  }

  /** Takes the pair's cumulative realised P&amp;L and fees from a snapshot. */
  void pnl(long realized, long fees) {
    realizedMicros = realized;
    feesMicros = fees;
  }

  /** Freqtrade's {@code adjust_min_max_rates}. */
  public void mark(BigDecimal rate) {
    maxRate = maxRate.max(rate);
    minRate = minRate.min(rate);
  }

  void entryFilled() {
    successfulEntries++;
  }

  void exitSent(String label) {
    exitLabel = label;
  }

  /** The trade as closed now, at the P&amp;L last taken from a snapshot. */
  ClosedTrade close(long nowMicros) {
    long profit = (realizedMicros - realizedBaseMicros) - (feesMicros - feesBaseMicros);
    BigDecimal ratio = investedMicros > 0
        ? BigDecimal.valueOf(profit).divide(BigDecimal.valueOf(investedMicros), 8, java.math.RoundingMode.HALF_EVEN)
        : BigDecimal.ZERO;
    return new ClosedTrade(pair, side, openedAtMicros, nowMicros, ratio, profit,
        exitLabel.isEmpty() ? "external" : exitLabel);
  }

  /** What the strategy sees. */
  public OpenTrade view() {
    return new OpenTrade(pair, side, quantity, openRate, openedAtMicros, entryTag, successfulEntries, stake(),
        maxRate, minRate, stop.price());
  }

  /** Quote currency in the trade now (Freqtrade's {@code stake_amount}: open rate × amount). */
  public BigDecimal stake() {
    return BigDecimal.valueOf(costMicros).movePointLeft(FixedPoint.MONEY_SCALE);
  }

  public String pair() {
    return pair;
  }

  public TradeSide side() {
    return side;
  }

  public long openedAtMicros() {
    return openedAtMicros;
  }

  public BigDecimal openRate() {
    return openRate;
  }

  public StopLoss stop() {
    return stop;
  }

  public long quantity() {
    return quantity;
  }

  public int successfulEntries() {
    return successfulEntries;
  }

  public String entryTag() {
    return entryTag;
  }

  void entryTag(String tag) {
    entryTag = tag;
  }
}
