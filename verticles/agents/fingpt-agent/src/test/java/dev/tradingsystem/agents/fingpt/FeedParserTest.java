package dev.tradingsystem.agents.fingpt;

import static dev.tradingsystem.agents.fingpt.FeedDocuments.T;
import static dev.tradingsystem.agents.fingpt.FeedDocuments.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

  private static final long MINUTE = 60_000_000L;

  @Test
  void rssItemsWithGuidLinkAndRfc1123Dates() throws Exception {
    List<FeedEntry> entries = FeedParser.parse(bytes(FeedDocuments.RSS));
    // The untitled item is left out; the id falls back to the link without a guid.
    assertThat(entries).containsExactly(
        new FeedEntry("wire-1001", "Bitcoin ETF inflows hit a record", "https://wire.example/etf-record", T),
        new FeedEntry("https://wire.example/halt", "Exchange halts withdrawals & users fear insolvency",
            "https://wire.example/halt", T + 30 * MINUTE));
  }

  @Test
  void atomEntriesPreferPublishedAndTheAlternateLink() throws Exception {
    assertThat(FeedParser.parse(bytes(FeedDocuments.ATOM))).containsExactly(
        new FeedEntry("urn:desk:1", "Ether upgrade ships on time", "https://desk.example/1", T - 60 * MINUTE),
        new FeedEntry("urn:desk:2", "Regulator sues exchange", "https://desk.example/2", T));
  }

  @Test
  void rss1RdfItems() throws Exception {
    assertThat(FeedParser.parse(bytes(FeedDocuments.RDF))).containsExactly(
        new FeedEntry("https://old.example/1", "Old-school feed still works", "https://old.example/1", T));
  }

  @Test
  void malformedDocumentsAreRefused() {
    assertThatThrownBy(() -> FeedParser.parse(bytes(FeedDocuments.TRUNCATED)))
        .isInstanceOf(FeedParser.MalformedFeedException.class).hasMessageContaining("not well-formed");
    assertThatThrownBy(() -> FeedParser.parse(bytes(FeedDocuments.HTML)))
        .isInstanceOf(FeedParser.MalformedFeedException.class).hasMessageContaining("<html>");
    assertThatThrownBy(() -> FeedParser.parse(new byte[0]))
        .isInstanceOf(FeedParser.MalformedFeedException.class);
  }

  @Test
  void anExternalEntityIsNeverResolved(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t-api-key");
    assertThatThrownBy(() -> FeedParser.parse(bytes(FeedDocuments.xxe(secret))))
        .isInstanceOf(FeedParser.MalformedFeedException.class)
        .hasMessageContaining("DOCTYPE")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void entityExpansionIsRefused() {
    assertThatThrownBy(() -> FeedParser.parse(bytes(FeedDocuments.BILLION_LAUGHS)))
        .isInstanceOf(FeedParser.MalformedFeedException.class).hasMessageContaining("DOCTYPE");
  }

  @Test
  void aHugeFeedIsCut() throws Exception {
    StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel>");
    for (int i = 0; i < FeedParser.MAX_ENTRIES + 200; i++) {
      rss.append("<item><title>Story ").append(i).append("</title><guid>g").append(i).append("</guid></item>");
    }
    rss.append("</channel></rss>");
    assertThat(FeedParser.parse(bytes(rss.toString()))).hasSize(FeedParser.MAX_ENTRIES);
  }
}
