package dev.tradingsystem.app.hyperopt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Freqtrade's generated ROI table and its timeframe-scaled ranges, row by row. */
class RoiSpaceTest {

  @ParameterizedTest(name = "t=({0},{1},{2}) p=({3},{4},{5}) -> {6}")
  @CsvSource(delimiter = '|', value = {
      // t1 | t2 | t3 | p1    | p2    | p3    | table (minutes=ratio)
      "60   | 30 | 10 | 0.01  | 0.02  | 0.05  | 0=0.08 10=0.03 40=0.01 100=0",
      "10   | 10 | 10 | 0.01  | 0.01  | 0.01  | 0=0.03 10=0.02 20=0.01 30=0",
      "120  | 60 | 40 | 0.04  | 0.07  | 0.2   | 0=0.31 40=0.11 100=0.04 220=0",
      "2    | 2  | 2  | 0.004 | 0.004 | 0.004 | 0=0.012 2=0.008 4=0.004 6=0",
      "19   | 11 | 4  | 0.012 | 0.005 | 0.053 | 0=0.070 4=0.017 15=0.012 34=0"})
  void freqtradesFourRowTable(long t1, long t2, long t3, String p1, String p2, String p3, String expected) {
    Map<Long, BigDecimal> table = RoiSpace.table(t1, t2, t3, new BigDecimal(p1), new BigDecimal(p2), new BigDecimal(p3));
    assertThat(text(table)).isEqualTo(normalise(expected));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      // timeframe | roi_t1..t3 ranges, roi_p1..p3 ranges (Freqtrade's roi_space for that timeframe)
      "5m  | roi_t1 10..120, roi_t2 10..60, roi_t3 10..40, roi_p1 0.01..0.04, roi_p2 0.01..0.07, roi_p3 0.01..0.2",
      "1m  | roi_t1 2..24, roi_t2 2..12, roi_t3 2..8, roi_p1 0.004..0.015, roi_p2 0.004..0.027, roi_p3 0.004..0.077",
      "1h  | roi_t1 120..1440, roi_t2 120..720, roi_t3 120..480, roi_p1 0.023..0.092, roi_p2 0.023..0.161, roi_p3 0.023..0.459"})
  void rangesScaleWithTheTimeframe(String timeframe, String expected) {
    String ranges = RoiSpace.dimensions(Timeframe.parse(timeframe)).stream()
        .map(d -> d.name() + " " + d.format(d.low()) + ".." + d.format(d.high()))
        .collect(Collectors.joining(", "));
    assertThat(ranges).isEqualTo(expected);
  }

  private static String text(Map<Long, BigDecimal> table) {
    return new TreeMap<>(table).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().stripTrailingZeros().toPlainString())
        .collect(Collectors.joining(" "));
  }

  private static String normalise(String expected) {
    Map<Long, BigDecimal> rows = new TreeMap<>();
    for (String row : expected.trim().split(" ")) {
      String[] kv = row.split("=");
      rows.put(Long.parseLong(kv[0]), new BigDecimal(kv[1]));
    }
    return text(rows);
  }
}
