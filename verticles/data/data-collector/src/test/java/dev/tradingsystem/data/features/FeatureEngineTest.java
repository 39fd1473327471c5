package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.Instruments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureEngineTest {

  private static final long T0 = 1_385_337_600_000_000L;

  private static Meta meta(long seq, long timeUs) {
    return Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq).setEventTimeUs(timeUs).build();
  }

  @Test
  void fillsEveryFieldOfTheFeatureVector() {
    FeatureConfig config = new FeatureConfig(60, 3, 6, 4, 0.9, 2, 3, 5, 5, 30, 10, 86_400);
    FeatureEngine engine = new FeatureEngine(config, Instruments.BITSTAMP_BTC_USD);
    long[] prices = {80_000, 80_010, 80_005, 80_020, 80_000, 80_030, 80_025, 80_040};
    FeatureVector last = null;
    List<Candle> candles = new ArrayList<>();
    for (int i = 0; i < prices.length; i++) {
      long time = T0 + i * 20_000_000L;
      last = engine.onTrade(meta(i + 1, time), time, prices[i], 50_000_000L + i, Side.SIDE_UNSPECIFIED);
      if (last.hasClosedCandle()) {
        candles.add(last.getClosedCandle());
      }
    }

    // Scalars a book would provide are defined without one; everything else has moved off its default.
    Set<String> zeroWithoutBook =
        Set.of("book_imbalance", "book_imbalance_top_n", "best_bid", "best_ask", "timeframe_sec");
    for (FieldDescriptor field : FeatureVector.getDescriptor().getFields()) {
      if (field.getName().equals("closed_candle") || zeroWithoutBook.contains(field.getName())) {
        continue;
      }
      assertThat(last.hasField(field)).as(field.getName()).isTrue();
    }
    assertThat(last.getPrice()).isEqualTo(800.40);
    assertThat(last.getMid()).isEqualTo(800.40);
    assertThat(last.getMicroprice()).isEqualTo(800.40);
    assertThat(last.getBookImbalance()).isZero();
    assertThat(last.getTradesSeen()).isEqualTo(8);
    assertThat(last.getLastSize()).isEqualTo(50_000_007L);
    assertThat(last.getReturnLong()).isCloseTo(Math.log(800.40 / 800.05), within(1e-12));
    assertThat(last.getRsi()).isBetween(0.0, 100.0);
    assertThat(last.getTradeFlowImbalance()).isBetween(-1.0, 1.0);
    assertThat(last.getMeta().getId()).isEqualTo("md-8");
    assertThat(last.getInstrument()).isEqualTo(Instruments.BITSTAMP_BTC_USD);

    // 8 trades 20 s apart from a minute boundary: buckets of 3, 3, 2 trades; the first two closed.
    assertThat(candles).hasSize(2);
    Candle first = candles.get(0);
    assertThat(first.getOpenTimeUs()).isEqualTo(T0);
    assertThat(first.getIntervalSec()).isEqualTo(60);
    assertThat(List.of(first.getOpen(), first.getHigh(), first.getLow(), first.getClose()))
        .containsExactly(80_000L, 80_010L, 80_000L, 80_005L);
    assertThat(first.getVolume()).isEqualTo(150_000_003L);
    assertThat(first.getTradeCount()).isEqualTo(3);
    assertThat(first.getMeta().getSeq()).isEqualTo(4);
    assertThat(first.getMeta().getTraceId()).isEqualTo("t-4");
  }

  @Test
  void onlyTheTickThatClosesACandleCarriesIt() {
    FeatureEngine engine = new FeatureEngine(FeatureConfig.defaults(), Instruments.BITSTAMP_BTC_USD);
    assertThat(engine.onTrade(meta(1, T0), T0, 80_000, 1, Side.BUY).hasClosedCandle()).isFalse();
    assertThat(engine.onTrade(meta(2, T0 + 59_000_000), T0 + 59_000_000, 80_100, 1, Side.SELL).hasClosedCandle())
        .isFalse();
    assertThat(engine.onTrade(meta(3, T0 + 61_000_000), T0 + 61_000_000, 80_200, 1, Side.BUY).hasClosedCandle())
        .isTrue();
    assertThat(engine.onTrade(meta(4, T0 + 62_000_000), T0 + 62_000_000, 80_200, 1, Side.BUY).hasClosedCandle())
        .isFalse();
  }

  @Test
  void aBookReplacesTheTradeProxiesForMidMicropriceSpreadAndImbalance() {
    FeatureEngine engine = new FeatureEngine(FeatureConfig.defaults(), Instruments.BITSTAMP_BTC_USD);
    engine.onTrade(meta(1, T0), T0, 80_001, 1, Side.BUY);

    engine.onBook(TestBook.of("80000@3 79990@5", "80002@1 80010@1"), T0 + 1);
    FeatureVector withBook = engine.onTrade(meta(2, T0 + 2), T0 + 2, 80_002, 1, Side.BUY);
    // A book stamped before the one applied is out of order and ignored.
    engine.onBook(TestBook.of("70000@1", "90000@1"), T0);
    FeatureVector after = engine.onTrade(meta(3, T0 + 3), T0 + 3, 80_002, 1, Side.BUY);

    assertThat(withBook.getPrice()).isEqualTo(800.02);
    assertThat(withBook.getBestBid()).isEqualTo(800.00);
    assertThat(withBook.getBestAsk()).isEqualTo(800.02);
    assertThat(withBook.getMid()).isCloseTo(800.01, within(1e-9));
    assertThat(withBook.getMicroprice()).isCloseTo((800.00 * 1 + 800.02 * 3) / 4, within(1e-9));
    assertThat(withBook.getSpreadBps()).isCloseTo(0.02 / 800.01 * 10_000, within(1e-9));
    assertThat(withBook.getBookImbalance()).isCloseTo(0.5, within(1e-12));
    assertThat(withBook.getBookImbalanceTopN()).isCloseTo((8.0 - 2.0) / 10.0, within(1e-12));
    assertThat(after.getBestBid()).isEqualTo(800.00);
  }

  @Test
  void publishesACandleVectorPerClosedCandleOfEachConfiguredTimeframe() {
    FeatureConfig config = FeatureConfig.defaults().withTimeframes(List.of(60, 300), GapFill.FLAT);
    FeatureEngine engine = new FeatureEngine(config, Instruments.BITSTAMP_BTC_USD);
    Map<Long, List<FeatureVector>> bySeq = new LinkedHashMap<>();
    // A trade every 50 s for 11 minutes, then silence until minute 14.
    long seq = 0;
    for (long t = 0; t < 11 * 60; t += 50) {
      seq++;
      engine.onTrade(meta(seq, T0 + t * 1_000_000), T0 + t * 1_000_000, 80_000 + t, 1_000_000, Side.BUY);
      bySeq.put(seq, List.copyOf(engine.closedCandleVectors()));
    }
    seq++;
    long late = T0 + 14 * 60_000_000L;
    engine.onTrade(meta(seq, late), late, 81_000, 1_000_000, Side.SELL);
    List<FeatureVector> gapFilled = List.copyOf(engine.closedCandleVectors());

    List<FeatureVector> all = new ArrayList<>();
    bySeq.values().forEach(all::addAll);
    assertThat(all).extracting(FeatureVector::getTimeframeSec)
        .containsExactly(60, 60, 60, 60, 60, 300, 60, 60, 60, 60, 60, 300);
    // The trade at 600 s closes minute 9 and the first five minutes' second 5-minute candle.
    assertThat(bySeq.get(13L)).extracting(v -> v.getClosedCandle().getOpenTimeUs())
        .containsExactly(T0 + 9 * 60_000_000L, T0 + 300_000_000L);
    // The late trade closes minute 10 and fills minutes 11..13 flat; the 5-minute candle from 600 s stays open.
    assertThat(gapFilled).extracting(v -> v.getClosedCandle().getVolume()).containsExactly(2_000_000L, 0L, 0L, 0L);
    assertThat(gapFilled).allSatisfy(v -> assertThat(v.getTimeframeSec()).isEqualTo(60));

    FeatureVector candle = bySeq.get(13L).get(1);
    assertThat(candle.getMeta().getId()).isEqualTo("fc-300-" + (T0 / 1_000_000 + 300));
    assertThat(candle.getMeta().getSeq()).isEqualTo(13);
    assertThat(candle.getClosedCandle().getIntervalSec()).isEqualTo(300);
    assertThat(candle.getPrice()).isEqualTo(candle.getClosedCandle().getClose() / 100.0);
    assertThat(candle.getTradeRate()).isCloseTo(6 / 300.0, within(1e-12));
    assertThat(candle.getVenue()).isEqualTo(Instruments.BITSTAMP_BTC_USD.getVenue());
    assertThat(engine.closedCandleVectors()).isSameAs(engine.closedCandleVectors());
  }

  @Test
  void candleVectorsCarryTheCandleIndicators() {
    FeatureConfig config = new FeatureConfig(60, 3, 6, 4, 0.9, 2, 3, 5, 5, 30, 10, 86_400)
        .withTimeframes(List.of(60), GapFill.NONE);
    FeatureEngine engine = new FeatureEngine(config, Instruments.BITSTAMP_BTC_USD);
    long[] closes = {80_000, 80_040, 80_010, 80_060, 80_020, 80_090, 80_030, 80_100};
    FeatureVector last = null;
    for (int i = 0; i < closes.length; i++) {
      long time = T0 + i * 60_000_000L;
      engine.onTrade(meta(2L * i + 1, time), time, closes[i] - 5, 1_000_000, Side.BUY);
      if (!engine.closedCandleVectors().isEmpty()) {
        last = engine.closedCandleVectors().get(0);
      }
      engine.onTrade(meta(2L * i + 2, time + 1), time + 1, closes[i], 1_000_000, Side.SELL);
    }
    Set<String> zeroWithoutBook =
        Set.of("book_imbalance", "book_imbalance_top_n", "best_bid", "best_ask");
    for (FieldDescriptor field : FeatureVector.getDescriptor().getFields()) {
      if (!zeroWithoutBook.contains(field.getName())) {
        assertThat(last.hasField(field)).as(field.getName()).isTrue();
      }
    }
    assertThat(last.getTimeframeSec()).isEqualTo(60);
    assertThat(last.getPrice()).isEqualTo(800.30);
    assertThat(last.getSma()).isCloseTo(average(closes, 0, 7) / 100, within(1e-9));
  }

  private static double average(long[] values, int from, int toExclusive) {
    double sum = 0;
    for (int i = from; i < toExclusive; i++) {
      sum += values[i];
    }
    return sum / (toExclusive - from);
  }
}
