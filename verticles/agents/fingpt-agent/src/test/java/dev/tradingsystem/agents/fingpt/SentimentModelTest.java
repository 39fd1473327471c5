package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.NewsItem;
import dev.tradingsystem.shared.money.Instruments;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentModelTest {

  static final long T0 = 1_385_337_600_000_000L;
  static final long HOUR = 3_600_000_000L;

  private final SentimentModel model = new SentimentModel(SentimentConfig.defaults(), FinanceLexicon.builtin());

  static NewsItem news(String id, long eventTimeUs, String headline, String... symbols) {
    return NewsItem.newBuilder().setMeta(Meta.newBuilder().setId(id).setEventTimeUs(eventTimeUs))
        .setHeadline(headline).addAllSymbols(List.of(symbols)).build();
  }

  static AnalyzeRequest tick(String symbol, long eventTimeUs) {
    Meta meta = Meta.newBuilder().setId("md-1").setEventTimeUs(eventTimeUs).build();
    return AnalyzeRequest.newBuilder().setMeta(meta).setFeatures(FeatureVector.newBuilder().setMeta(meta)
        .setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setSymbol(symbol)).setPrice(800)).build();
  }

  @Test
  void withoutNewsThereIsNoView() {
    AgentOpinion opinion = model.analyze(tick("BTC/USD", T0));
    assertThat(opinion.direction()).isEqualTo(Direction.FLAT);
    assertThat(opinion.confidence()).isZero();
    assertThat(opinion.rationale()).contains("no news");
  }

  @Test
  void freshBullishNewsAboutTheSymbolIsLong() {
    model.onNews(news("n-1", T0 - 60_000_000L, "Bitcoin soars to record high as ETF wins approval", "BTC/USD"));
    model.onNews(news("n-2", T0 - 30_000_000L, "Analysts upgrade bitcoin miners", "BTC"));
    AgentOpinion opinion = model.analyze(tick("BTC/USD", T0));
    assertThat(opinion.direction()).isEqualTo(Direction.LONG);
    assertThat(opinion.strength()).isGreaterThan(0.7);
    // Two fresh headlines: evidence ~ 1 - exp(-2 / 2), all agreeing.
    assertThat(opinion.confidence()).isCloseTo(1 - Math.exp(-1), within(0.01));
    assertThat(opinion.horizonSec()).isEqualTo(SentimentConfig.DEFAULT_HORIZON_SEC);
  }

  @Test
  void bearishNewsIsShort() {
    model.onNews(news("n-1", T0 - HOUR, "Exchange hack: bitcoin plunges, traders fear bankruptcy", "BTC/USD"));
    assertThat(model.analyze(tick("BTC/USD", T0)).direction()).isEqualTo(Direction.SHORT);
  }

  @Test
  void newsOutsideTheWindowOrFromTheFutureIsIgnored() {
    model.onNews(news("old", T0 - 7 * HOUR, "Bitcoin soars", "BTC/USD"));
    model.onNews(news("future", T0 + 1, "Bitcoin plunges", "BTC/USD"));
    AgentOpinion opinion = model.analyze(tick("BTC/USD", T0));
    assertThat(opinion.direction()).isEqualTo(Direction.FLAT);
    assertThat(opinion.confidence()).isZero();
    // Once event time reaches it, the later headline counts.
    assertThat(model.analyze(tick("BTC/USD", T0 + 2)).direction()).isEqualTo(Direction.SHORT);
  }

  @Test
  void otherSymbolsNewsDoesNotLeakAndDuplicatesCountOnce() {
    assertThat(model.onNews(news("n-1", T0 - 1, "Ether rallies", "ETH/USD"))).isTrue();
    assertThat(model.onNews(news("n-1", T0 - 1, "Ether rallies", "ETH/USD"))).isFalse();
    assertThat(model.analyze(tick("BTC/USD", T0)).direction()).isEqualTo(Direction.FLAT);
    assertThat(model.analyze(tick("ETH/USD", T0)).rationale()).startsWith("headlines=1 ");
  }

  @Test
  void marketWideNewsCountsHalfAndMixedNewsLowersConfidence() {
    model.onNews(news("macro", T0, "Stocks rally as inflation eases"));
    AgentOpinion macroOnly = model.analyze(tick("BTC/USD", T0));
    assertThat(macroOnly.rationale()).contains("evidence=0.50");
    model.onNews(news("n-1", T0, "Bitcoin surges", "BTC/USD"));
    model.onNews(news("n-2", T0, "Bitcoin miners slump on weak outlook", "BTC/USD"));
    AgentOpinion mixed = model.analyze(tick("BTC/USD", T0));
    assertThat(mixed.rationale()).contains("headlines=3").contains("bullish=2").contains("bearish=1");
    assertThat(mixed.confidence()).isLessThan(1 - Math.exp(-2.5 / 2));
  }

  @Test
  void newsInsideTheRequestIsUsedAndRemembered() {
    AnalyzeRequest request = tick("BTC/USD", T0).toBuilder()
        .addNews(news("n-9", T0, "Bitcoin jumps after upgrade", "BTC/USD")).build();
    assertThat(model.analyze(request).direction()).isEqualTo(Direction.LONG);
    assertThat(model.analyze(tick("BTC/USD", T0 + 1)).direction()).isEqualTo(Direction.LONG);
  }
}
