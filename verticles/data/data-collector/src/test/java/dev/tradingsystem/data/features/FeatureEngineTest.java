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
import java.util.List;
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
    Set<String> zeroWithoutBook = Set.of("book_imbalance", "timeframe_sec");
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
}
