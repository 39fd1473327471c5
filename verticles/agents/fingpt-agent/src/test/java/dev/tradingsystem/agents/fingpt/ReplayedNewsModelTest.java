package dev.tradingsystem.agents.fingpt;

import static dev.tradingsystem.agents.fingpt.SentimentModelTest.HOUR;
import static dev.tradingsystem.agents.fingpt.SentimentModelTest.T0;
import static dev.tradingsystem.agents.fingpt.SentimentModelTest.news;
import static dev.tradingsystem.agents.fingpt.SentimentModelTest.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.NewsItem;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayedNewsModelTest {

  private final List<NewsItem> published = new ArrayList<>();

  private ReplayedNewsModel model(List<NewsItem> items) {
    SentimentConfig config = SentimentConfig.defaults();
    ReplayedNewsModel model = new ReplayedNewsModel(new SentimentModel(config, FinanceLexicon.builtin()), config,
        published::add);
    model.replay(new NewsReplay(items));
    return model;
  }

  private static List<String> ids(List<NewsItem> items) {
    return items.stream().map(i -> i.getMeta().getId()).toList();
  }

  @Test
  void anItemEntersExactlyAtTheFirstRequestAtOrAfterItsTime() {
    ReplayedNewsModel model = model(List.of(
        news("n-1", T0 + 10_000_000L, "Bitcoin plunges as exchange halts withdrawals", "BTC/USD"),
        news("n-2", T0 + 20_000_000L, "Bitcoin crashes after hack", "BTC")));

    AgentOpinion before = model.analyze(tick("BTC/USD", T0 + 9_999_999L));
    assertThat(before.confidence()).isZero();
    assertThat(published).isEmpty();

    AgentOpinion at = model.analyze(tick("BTC/USD", T0 + 10_000_000L));
    assertThat(at.direction()).isEqualTo(Direction.SHORT);
    assertThat(at.rationale()).contains("headlines=1");
    assertThat(ids(published)).containsExactly("n-1");

    // Another symbol at the same time, and the same time again: nothing new, nothing republished.
    model.analyze(tick("ETH/USD", T0 + 10_000_000L));
    model.analyze(tick("BTC/USD", T0 + 10_000_000L));
    assertThat(ids(published)).containsExactly("n-1");

    assertThat(model.analyze(tick("BTC/USD", T0 + 25_000_000L)).rationale()).contains("headlines=2");
    assertThat(ids(published)).containsExactly("n-1", "n-2");
    assertThat(model.replay().remaining()).isZero();
  }

  @Test
  void publishedItemsCarryTheAdmittingTicksTraceButKeepTheirOwnTime() {
    ReplayedNewsModel model = model(List.of(news("n-1", T0 - 5, "Bitcoin rallies")));
    AnalyzeRequest request = tick("BTC/USD", T0);
    request = request.toBuilder().setMeta(request.getMeta().toBuilder().setTraceId("t-42").setSeq(42)).build();
    model.analyze(request);
    assertThat(published).singleElement().satisfies(item -> {
      assertThat(item.getMeta().getId()).isEqualTo("n-1");
      assertThat(item.getMeta().getEventTimeUs()).isEqualTo(T0 - 5);
      assertThat(item.getMeta().getTraceId()).isEqualTo("t-42");
      assertThat(item.getMeta().getSeq()).isEqualTo(42);
    });
  }

  @Test
  void itemsAlreadyOutOfTheWindowWhenDueAreSkipped() {
    ReplayedNewsModel model = model(List.of(
        news("old", T0 - 7 * HOUR, "Bitcoin soars"),
        news("fresh", T0 - HOUR, "Bitcoin soars")));
    model.analyze(tick("BTC/USD", T0));
    assertThat(ids(published)).containsExactly("fresh");
    assertThat(model.skippedStale()).isEqualTo(1);
  }

  @Test
  void aReplayMustBeOrderedByTime() {
    assertThatThrownBy(() -> new NewsReplay(List.of(news("b", T0 + 1, "x"), news("a", T0, "y"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The dykstranet file, one analyse request per hour around the day Coinbase filed its S-1:
   * the two stories of 2021-02-25 enter at 2021-02-26T00:00Z exactly (end of their day), all
   * older ones were already out of the 6 h window and are skipped. Two runs publish the same.
   */
  @Test
  void theRealFileReplaysTheSameWayTwice() throws IOException {
    List<NewsItem> items = new NewsFileReader(NewsFileFormat.AUTO, List.of("BTC"), false)
        .read(SharedDataLocator.require(NewsFileReaderTest.DYKSTRANET)).items();
    List<List<String>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      published.clear();
      ReplayedNewsModel model = model(items);
      long end = NewsFileReaderTest.S1_DAY_END_US;
      model.analyze(tick("BTC/USD", end - 1));
      assertThat(published).isEmpty();
      assertThat(model.skippedStale()).isEqualTo(30);
      model.analyze(tick("BTC/USD", end));
      assertThat(ids(published)).containsExactly("news.csv:31", "news.csv:32");
      for (long t = end + HOUR; t <= end + 96 * HOUR; t += HOUR) {
        model.analyze(tick("BTC/USD", t));
      }
      runs.add(ids(published));
    }
    // 2021-03-01 (line 33) is due at 2021-03-02T00:00Z, 96 h after the S-1 day's end (February has 28 days).
    assertThat(runs.get(0)).containsExactly("news.csv:31", "news.csv:32", "news.csv:33");
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
  }
}
