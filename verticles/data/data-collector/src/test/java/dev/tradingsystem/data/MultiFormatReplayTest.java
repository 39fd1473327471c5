package dev.tradingsystem.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The collector replaying each kind of source: what goes out on which address, numbered how. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MultiFormatReplayTest {

  @BeforeEach
  void codecs(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
  }

  static JsonObject replay(String data) {
    return new JsonObject()
        .put(ConfigReader.ENV_KEY, new JsonObject())
        .put("replay", new JsonObject()
            .put("data", data)
            .put("awaitServices", new JsonArray())
            .put("lockstep", false));
  }

  static Future<String> deploy(Vertx vertx, JsonObject config) {
    return vertx.deployVerticle(new DataCollectorVerticle(), new DeploymentOptions().setConfig(config));
  }

  @Test
  void aBinanceTradesFilePublishesTradesWithFeaturesAndDeadLettersBadRows(Vertx vertx, VertxTestContext test) {
    double duplicatesBefore = rejectedCount("duplicate");

    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, replay("classpath:replay/ETHUSDT-trades-2024-08-09.csv"))
            .compose(id -> tape.completed())
            .compose(done -> ServiceStats.fetch(vertx, ServiceNames.DATA_COLLECTOR, 5_000))
            .onComplete(test.succeeding(stats -> test.verify(() -> {
              assertThat(tape.trades).extracting(t -> t.getMeta().getId()).containsExactly("md-1", "md-2", "md-3");
              assertThat(tape.trades).extracting(Trade::getAggressor).containsExactly(Side.SELL, Side.BUY, Side.BUY);
              assertThat(tape.trades).allSatisfy(t -> assertThat(t.getInstrument().getSymbol()).isEqualTo("ETH/USDT"));
              assertThat(tape.features).extracting(FeatureVector::getMeta)
                  .containsExactlyElementsOf(tape.trades.stream().map(Trade::getMeta).toList());
              assertThat(tape.deadLetters).extracting(DeadLetter::getReason).containsExactly("duplicate",
                  "not_finite", "non_positive_size", "absurd_price", "out_of_order", "field_count", "unknown_side");
              assertThat(stats.getString("format")).isEqualTo("binance-trades");
              assertThat(stats.getString("symbol")).isEqualTo("ETH/USDT");
              assertThat(stats.getJsonObject("rejectedByReason").getLong("duplicate")).isEqualTo(1);
              assertThat(rejectedCount("duplicate")).isEqualTo(duplicatesBefore + 1);
              test.completeNow();
            }))));
  }

  @Test
  void klinesBecomeBarPathsWhoseClosesAreTheDecisionTicks(Vertx vertx, VertxTestContext test) {
    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, replay("classpath:replay/BTCUSDT-1m-2024-08-09.csv"))
            .compose(id -> tape.completed())
            .onComplete(test.succeeding(done -> test.verify(() -> {
              // Per accepted bar: open, nearer extreme, farther extreme, the candle, the close (the tick).
              assertThat(tape.candles).extracting(c -> c.getMeta().getSeq()).containsExactly(4L, 9L, 14L);
              assertThat(tape.candles).extracting(Candle::getIntervalSec).containsOnly(60);
              assertThat(tape.trades).hasSize(12).allSatisfy(t -> assertThat(t.getBarDerived()).isTrue());
              assertThat(tape.trades).extracting(t -> t.getMeta().getSeq())
                  .containsExactly(1L, 2L, 3L, 5L, 6L, 7L, 8L, 10L, 11L, 12L, 13L, 15L);
              Candle first = tape.candles.get(0);
              // 61012.1 is nearer its low (61000) than its high (61090): the low comes first.
              assertThat(tape.trades.subList(0, 4)).extracting(Trade::getPrice)
                  .containsExactly(first.getOpen(), first.getLow(), first.getHigh(), first.getClose());
              assertThat(tape.trades.subList(0, 4)).extracting(Trade::getTradeId).containsExactly(
                  "bar-1723161600000000-o", "bar-1723161600000000-l", "bar-1723161600000000-h", "bar-1723161600000000-c");
              assertThat(tape.trades.subList(0, 4)).extracting(t -> t.getMeta().getEventTimeUs()).containsExactly(
                  1_723_161_600_000_000L, 1_723_161_619_999_666L, 1_723_161_639_999_333L, 1_723_161_659_999_000L);
              assertThat(tape.trades.subList(0, 4).stream().mapToLong(Trade::getSize).sum()).isEqualTo(first.getVolume());
              Candle second = tape.candles.get(1);
              // 61050 is nearer its high (61060): the high comes first.
              assertThat(tape.trades.subList(4, 8)).extracting(Trade::getPrice)
                  .containsExactly(second.getOpen(), second.getHigh(), second.getLow(), second.getClose());
              assertThat(tape.features).as("one decision per bar, on its close")
                  .extracting(f -> f.getMeta().getSeq()).containsExactly(5L, 10L, 15L);
              assertThat(tape.features).extracting(FeatureVector::getTimeframeSec).containsOnly(60);
              assertThat(tape.candleFeatures).hasSize(3);
              assertThat(tape.candleFeatures).extracting(FeatureVector::getMeta)
                  .containsExactlyElementsOf(tape.candles.stream().map(Candle::getMeta).toList());
              assertThat(tape.candleFeatures.get(2).getPrice()).isEqualTo(61_080.0);
              assertThat(tape.candleFeatures.get(2).getClosedCandle()).isEqualTo(tape.candles.get(2));
              for (int i = 0; i < 3; i++) {
                assertThat(tape.features.get(i).toBuilder().setMeta(tape.candleFeatures.get(i).getMeta()).build())
                    .as("the tick carries the bar's features").isEqualTo(tape.candleFeatures.get(i));
              }
              assertThat(tape.deadLetters).extracting(DeadLetter::getReason)
                  .containsExactly("duplicate", "inconsistent_candle");
              assertThat(done.getTicks()).as("market events: one per bar").isEqualTo(3);
              test.completeNow();
            }))));
  }

  @Test
  void freqtradeCandlesReplayLikeKlines(Vertx vertx, VertxTestContext test) {
    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, replay("classpath:replay/BTC_USDT-1m.json"))
            .compose(id -> tape.completed())
            .onComplete(test.succeeding(done -> test.verify(() -> {
              assertThat(tape.candles).hasSize(4);
              assertThat(tape.candleFeatures).extracting(FeatureVector::getTimeframeSec).containsOnly(60);
              assertThat(tape.candles.get(0).getInstrument().getSymbol()).isEqualTo("BTC/USDT");
              assertThat(tape.trades).hasSize(16).allSatisfy(t -> assertThat(t.getBarDerived()).isTrue());
              assertThat(tape.features).hasSize(4);
              test.completeNow();
            }))));
  }

  @Test
  void aGenericOhlcvCsvReplaysAsBarPathsClosingOnTheDecisionTick(Vertx vertx, VertxTestContext test) {
    String nautilus = SharedDataLocator.require("data/ohlcv/nautilus_lgpl3/btc-perp-20211231-20220201_1m.csv").toString();
    JsonObject config = replay(nautilus);
    // The name says 1m but not the market: the symbol is given, format and interval are detected.
    config.getJsonObject("replay").put("symbol", "BTC/USDT").put("maxTicks", 200).put("progressEvery", 1_000_000);

    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, config)
            .compose(id -> tape.completed())
            .compose(done -> ServiceStats.fetch(vertx, ServiceNames.DATA_COLLECTOR, 5_000))
            .onComplete(test.succeeding(stats -> test.verify(() -> {
              assertThat(stats.getString("format")).isEqualTo("ohlcv-csv");
              assertThat(tape.candles).as("one tick per bar").hasSize(200);
              assertThat(tape.trades).as("open, extremes, close per bar").hasSize(800).allSatisfy(t -> assertThat(t.getBarDerived()).isTrue());
              Candle first = tape.candles.get(0);
              assertThat(first.getInstrument().getSymbol()).isEqualTo("BTC/USDT");
              assertThat(first.getIntervalSec()).isEqualTo(60);
              // 2021-12-31 23:01:00.000000,46319.0,46385.0,46319.0,46377.0,2300413.7295
              assertThat(first.getOpenTimeUs()).isEqualTo(1_640_991_660_000_000L);
              assertThat(first.getMeta().getEventTimeUs()).isEqualTo(1_640_991_719_999_000L);
              assertThat(List.of(first.getOpen(), first.getHigh(), first.getLow(), first.getClose()))
                  .containsExactly(4_631_900L, 4_638_500L, 4_631_900L, 4_637_700L);
              assertThat(first.getInstrument().getPriceScale()).as("the first rows print up to 2 decimals").isEqualTo(2);
              assertThat(first.getInstrument().getSizeScale()).as("float noise capped at 8 decimals").isEqualTo(8);
              assertThat(first.getVolume()).isEqualTo(230_041_372_950_000L);
              assertThat(tape.candles).extracting(Candle::getOpenTimeUs)
                  .containsExactlyElementsOf(LongStream.range(0, 200).map(i -> 1_640_991_660_000_000L + i * 60_000_000L)
                      .boxed().toList());
              assertThat(tape.features).as("one decision per bar").hasSize(200);
              for (int i = 0; i < 200; i++) {
                Trade close = tape.trades.get(4 * i + 3);
                Candle candle = tape.candles.get(i);
                assertThat(close.getPrice()).isEqualTo(candle.getClose());
                assertThat(close.getMeta().getEventTimeUs()).isEqualTo(candle.getMeta().getEventTimeUs());
                assertThat(tape.features.get(i).getMeta()).as("bar %d's close is the tick", i).isEqualTo(close.getMeta());
              }
              assertThat(tape.deadLetters).isEmpty();
              test.completeNow();
            }))));
  }

  @Test
  void bookTickerPublishesQuotesAndRefusesCrossedOrRepeatedOnes(Vertx vertx, VertxTestContext test) {
    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, replay("classpath:replay/BTCUSDT-bookTicker-2024-08-09.csv"))
            .compose(id -> tape.completed())
            .onComplete(test.succeeding(done -> test.verify(() -> {
              assertThat(tape.quotes).extracting(q -> q.getMeta().getId()).containsExactly("md-1", "md-2", "md-3");
              assertThat(tape.quotes).extracting(Quote::getUpdateId)
                  .containsExactly(50_093_239_212L, 50_093_239_219L, 50_093_239_230L);
              assertThat(tape.deadLetters).extracting(DeadLetter::getReason).containsExactly("duplicate", "crossed_quote");
              test.completeNow();
            }))));
  }

  @Test
  void theHftbacktestCapturePublishesOnlyAConsistentBook(Vertx vertx, VertxTestContext test) {
    String capture = SharedDataLocator.require("data/orderbook/hftbacktest/spot/btcusdt_20240808.gz").toString();
    JsonObject config = replay(capture);
    config.getJsonObject("replay").put("maxTicks", 3_000).put("progressEvery", 1_000_000);

    ReplayTape.record(vertx)
        .compose(tape -> deploy(vertx, config)
            .compose(id -> tape.completed())
            .compose(done -> ServiceStats.fetch(vertx, ServiceNames.DATA_COLLECTOR, 5_000))
            .onComplete(test.succeeding(stats -> test.verify(() -> {
              List<Meta> metas = new ArrayList<>();
              tape.trades.forEach(t -> metas.add(t.getMeta()));
              tape.quotes.forEach(q -> metas.add(q.getMeta()));
              tape.books.forEach(b -> metas.add(b instanceof BookSnapshot s ? s.getMeta() : ((BookDelta) b).getMeta()));
              assertThat(metas).extracting(Meta::getSeq).as("every published event took one seq")
                  .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 3_000).boxed().toList());
              assertThat(tape.features).hasSameSizeAs(tape.trades);
              assertThat(tape.books).as("the book is published from the snapshot on").first()
                  .isInstanceOfSatisfying(BookSnapshot.class, s -> {
                    assertThat(s.getLastUpdateId()).isEqualTo(50_093_239_224L);
                    assertThat(s.getBids(0).getPrice()).isLessThan(s.getAsks(0).getPrice());
                  });
              assertThat(tape.books.subList(1, tape.books.size())).allSatisfy(b -> assertThat(b).isInstanceOf(BookDelta.class));
              assertThat(tape.trades).isNotEmpty();
              FeatureVector lastTick = tape.features.get(tape.features.size() - 1);
              assertThat(lastTick.getBestBid()).as("book features reach the tick vectors").isPositive();
              assertThat(lastTick.getBestAsk()).isGreaterThan(lastTick.getBestBid());
              JsonObject book = stats.getJsonObject("books").getJsonObject("BTC/USDT");
              assertThat(book.getBoolean("synced")).isTrue();
              assertThat(stats.getJsonObject("books").getJsonObject("issues").isEmpty()).isTrue();
              test.completeNow();
            }))));
  }

  private static double rejectedCount(String reason) {
    Counter counter = TradingMetrics.registry().find("trading_data_rejected")
        .tags("source", "replay", "reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
