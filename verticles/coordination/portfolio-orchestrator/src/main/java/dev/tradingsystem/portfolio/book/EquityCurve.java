package dev.tradingsystem.portfolio.book;

/**
 * Peak equity and drawdown from it, marked after every trade. Drawdown is a fraction of the peak:
 * 0.05 is 5 % below the best equity seen so far. Starts with the initial capital as its peak.
 */
public final class EquityCurve {

  private long equityMicros;
  private long peakMicros;
  private double drawdown;
  private double maxDrawdown;

  public EquityCurve(long initialEquityMicros) {
    this.equityMicros = initialEquityMicros;
    this.peakMicros = initialEquityMicros;
  }

  public void mark(long equity) {
    equityMicros = equity;
    if (equity > peakMicros) {
      peakMicros = equity;
    }
    drawdown = peakMicros <= 0 ? 0 : Math.max(0, (peakMicros - equity) / (double) peakMicros);
    maxDrawdown = Math.max(maxDrawdown, drawdown);
  }

  public long equityMicros() {
    return equityMicros;
  }

  public long peakMicros() {
    return peakMicros;
  }

  public double drawdown() {
    return drawdown;
  }

  public double maxDrawdown() {
    return maxDrawdown;
  }
}
