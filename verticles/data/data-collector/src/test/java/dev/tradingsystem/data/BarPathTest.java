package dev.tradingsystem.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Trade;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The prints a bar stands for: order of the extremes, sizes, times. Prices and sizes in units. */
class BarPathTest {

  private static final long OPEN_US = 1_000_000_000L;

  private static Candle bar(long open, long high, long low, long close, long volume, long openTimeUs) {
    return Candle.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(OPEN_US + 59_999_000L))
        .setIntervalSec(60)
        .setOpenTimeUs(openTimeUs)
        .setOpen(open).setHigh(high).setLow(low).setClose(close)
        .setVolume(volume)
        .build();
  }

  @ParameterizedTest(name = "O {0} H {1} L {2} C {3}, volume {4} -> prices {5}, sizes {6}")
  @CsvSource(delimiter = '|', textBlock = """
      # open | high | low | close | volume | prices               | sizes
      100    | 110  | 99  | 105   | 40     | 100 99 110 105       | 10 10 10 10
      100    | 101  | 90  | 95    | 40     | 100 101 90 95        | 10 10 10 10
      100    | 105  | 95  | 100   | 10     | 100 105 95 100       | 2 2 2 4
      100    | 100  | 100 | 100   | 4      | 100 100 100 100      | 1 1 1 1
      100    | 102  | 98  | 101   | 3      | 101                  | 3
      100    | 102  | 98  | 101   | 0      | ''                   | ''
      """)
  void theNearerExtremeComesFirstAndTheVolumeIsSplitInQuarters(long open, long high, long low, long close,
      long volume, String prices, String sizes) {
    List<Trade> path = BarPath.of(bar(open, high, low, close, volume, OPEN_US));
    assertThat(path).extracting(t -> String.valueOf(t.getPrice())).containsExactly(split(prices));
    assertThat(path).extracting(t -> String.valueOf(t.getSize())).containsExactly(split(sizes));
    assertThat(path).allSatisfy(t -> assertThat(t.getBarDerived()).isTrue());
    assertThat(path).extracting(Trade::getBarClose).as("only the last print closes the bar")
        .containsExactlyElementsOf(path.stream().map(t -> t == path.get(path.size() - 1)).toList());
  }

  @ParameterizedTest(name = "open time {0} -> print times {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1000000000 | 1000000000 1019999666 1039999333 1059999000
      0          | 999999000 1019999000 1039999000 1059999000
      """)
  void printsSpreadOverTheBarAndTheCloseIsAtTheBarsEventTime(long openTimeUs, String times) {
    List<Trade> path = BarPath.of(bar(100, 110, 90, 105, 400, openTimeUs));
    assertThat(path).extracting(t -> String.valueOf(t.getMeta().getEventTimeUs())).containsExactly(split(times));
  }

  private static String[] split(String words) {
    return words.isBlank() ? new String[0] : words.trim().split(" +");
  }
}
