package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradingsystem.proto.NewsItem;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewsFileReaderTest {

  static final String DYKSTRANET = "data/news/dykstranet_cryptonews/news.csv";
  /** 2010-05-23T00:00Z: the end of the day of the first dykstranet story, Bitcoin Pizza Day. */
  static final long PIZZA_DAY_END_US = 1_274_572_800_000_000L;
  /** 2021-02-26T00:00Z: the end of the day Coinbase filed its S-1. */
  static final long S1_DAY_END_US = 1_614_297_600_000_000L;

  static NewsItem item(NewsFileReader.NewsFile file, String id) {
    return file.items().stream().filter(i -> i.getMeta().getId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void theDykstranetFileIsReadWithItsUnquotedCommas() throws IOException {
    Path path = SharedDataLocator.require(DYKSTRANET);
    NewsFileReader.NewsFile file = new NewsFileReader(NewsFileFormat.AUTO, List.of(), false).read(path);

    assertThat(file.format()).isEqualTo(NewsFileFormat.DYKSTRANET);
    // 123 rows (SOURCES.md section 5): 118 with 3 fields, 2 with 4, 3 with 5 (two of them quoted).
    assertThat(file.rejected()).isEmpty();
    assertThat(file.items()).hasSize(123);
    NewsItem first = file.items().get(0);
    assertThat(first.getHeadline()).isEqualTo("Bitcoin Pizza Day");
    assertThat(first.getSource()).isEqualTo("happybitcoinpizzaday.com");
    assertThat(first.getMeta().getId()).isEqualTo("news.csv:1");
    assertThat(first.getMeta().getEventTimeUs()).isEqualTo(PIZZA_DAY_END_US);
    assertThat(first.getSymbolsList()).isEmpty();

    // Unquoted commas: fields 3 onward rejoined. Quoted commas: one field, quotes gone.
    assertThat(item(file, "news.csv:91").getHeadline())
        .isEqualTo("North Korean Hackers Stole Nearly $400M in Bitcoin, Ethereum in 2021");
    assertThat(item(file, "news.csv:113").getHeadline())
        .isEqualTo("Hacker Steals Customer Data From Circle, BlockFi, Other Big Crypto Firms");
    assertThat(item(file, "news.csv:31").getHeadline()).isEqualTo("Coinbase Files S-1, Going Public");
    assertThat(item(file, "news.csv:31").getMeta().getEventTimeUs()).isEqualTo(S1_DAY_END_US);
    assertThat(item(file, "news.csv:2").getHeadline()).isEqualTo("Strange Blocks bug and Subsequent Chain Rollback");
    assertThat(file.items()).filteredOn(i -> i.getHeadline().contains(","))
        .extracting(i -> i.getMeta().getId())
        .containsExactlyInAnyOrder("news.csv:31", "news.csv:38", "news.csv:91", "news.csv:113", "news.csv:119");
    assertThat(file.items()).extracting(i -> i.getMeta().getEventTimeUs()).isSorted();
  }

  @Test
  void dateOnlyStoriesCanCountFromMidnightInstead() throws IOException {
    NewsFileReader.NewsFile file = new NewsFileReader(NewsFileFormat.DYKSTRANET, List.of("BTC"), true)
        .read(SharedDataLocator.require(DYKSTRANET));
    assertThat(file.items().get(0).getMeta().getEventTimeUs()).isEqualTo(PIZZA_DAY_END_US - 86_400_000_000L);
    assertThat(file.items().get(0).getSymbolsList()).containsExactly("BTC");
  }

  @Test
  void ourCsvFormatWithItsRejections() throws IOException {
    String text = """
        timestamp,headline,source,symbols
        # a comment line
        2024-03-01T12:00:05Z,Bitcoin ETF inflows hit a record,wire,BTC/USD
        1709294400,"Exchange halts withdrawals, users fear insolvency",desk,BTC;ETH
        1709294400000,Ether upgrade ships on time
        2024-03-01T12:00:00+01:00,Macro: rates unchanged,,

        yesterday,Timeless story
        2024-03-01,too,many,fields,here
        2024-03-01T12:00:00Z,   ,wire
        2024-03-01T12:00:00Z,Bad symbol,wire,BTC/USD;b@d
        2024-03-01T12:00:00Z
        """;
    NewsFileReader.NewsFile file = new NewsFileReader(NewsFileFormat.AUTO, List.of(), false)
        .read(new BufferedReader(new StringReader(text)), "mine.csv");

    assertThat(file.format()).isEqualTo(NewsFileFormat.CSV);
    // Sorted by time; equal times keep the file's order.
    assertThat(file.items()).extracting(i -> i.getMeta().getId(), NewsItem::getHeadline, NewsItem::getSource,
        NewsItem::getSymbolsList).containsExactly(
        tuple("mine.csv:6", "Macro: rates unchanged", "mine.csv", List.of()),
        tuple("mine.csv:4", "Exchange halts withdrawals, users fear insolvency", "desk", List.of("BTC", "ETH")),
        tuple("mine.csv:5", "Ether upgrade ships on time", "mine.csv", List.of()),
        tuple("mine.csv:3", "Bitcoin ETF inflows hit a record", "wire", List.of("BTC/USD")));
    assertThat(file.items().get(1).getMeta().getEventTimeUs()).isEqualTo(1_709_294_400_000_000L);
    assertThat(file.items().get(3).getMeta().getEventTimeUs()).isEqualTo(1_709_294_405_000_000L);
    assertThat(file.rejected()).extracting(NewsFileReader.RejectedLine::line, r -> r.rejection().reason())
        .containsExactly(tuple(8, "bad_timestamp"), tuple(9, "too_many_fields"), tuple(10, "empty_news"),
            tuple(11, "invalid_symbol"), tuple(12, "too_few_fields"));
  }
}
