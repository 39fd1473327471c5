package dev.tradingsystem.app.hyperopt;

import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Freqtrade's ROI hyperspace ({@code IHyperOpt.roi_space} and {@code generate_roi_table}): three
 * time steps {@code roi_t1..t3} (minutes) and three profit steps {@code roi_p1..p3}, whose ranges
 * scale with the strategy's timeframe — times linearly (×timeframe/5), profits logarithmically
 * (×ln(1+timeframe)/ln 6) — so that a 5m strategy gets Freqtrade's original ranges; profits on a
 * 3-decimal grid as Freqtrade's {@code SKDecimal(decimals=3)}.
 */
public final class RoiSpace {

  private RoiSpace() {
  }

  /** The six axes for a strategy of {@code timeframe}, in Freqtrade's order. */
  public static List<SearchDimension> dimensions(Timeframe timeframe) {
    double t = timeframe.minutes() / 5.0;
    double p = Math.log1p(timeframe.minutes()) / Math.log1p(5);
    return List.of(
        SearchDimension.integer("roi_t1", (long) (10 * t), (long) (120 * t)),
        SearchDimension.integer("roi_t2", (long) (10 * t), (long) (60 * t)),
        SearchDimension.integer("roi_t3", (long) (10 * t), (long) (40 * t)),
        SearchDimension.decimal("roi_p1", 0.01 * p, 0.04 * p, 3),
        SearchDimension.decimal("roi_p2", 0.01 * p, 0.07 * p, 3),
        SearchDimension.decimal("roi_p3", 0.01 * p, 0.20 * p, 3));
  }

  /**
   * Freqtrade's table: {@code {0: p1+p2+p3, t3: p1+p2, t3+t2: p1, t3+t2+t1: 0}}, minutes to
   * profit ratio.
   */
  public static Map<Long, BigDecimal> table(long t1, long t2, long t3, BigDecimal p1, BigDecimal p2, BigDecimal p3) {
    Map<Long, BigDecimal> rows = new TreeMap<>();
    rows.put(0L, p1.add(p2).add(p3));
    rows.put(t3, p1.add(p2));
    rows.put(t3 + t2, p1);
    rows.put(t3 + t2 + t1, BigDecimal.ZERO);
    return rows;
  }
}
