package dev.tradingsystem.agents.fingpt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Feed documents for the parser and poller tests. */
final class FeedDocuments {

  /** 2024-03-01T12:00:00Z. */
  static final long T = 1_709_294_400_000_000L;

  private FeedDocuments() {
  }

  static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Crypto wire</title>
          <link>https://wire.example/</link>
          <item>
            <title><![CDATA[Bitcoin ETF inflows hit a record]]></title>
            <link>https://wire.example/etf-record</link>
            <guid isPermaLink="false">wire-1001</guid>
            <pubDate>Fri, 01 Mar 2024 12:00:00 GMT</pubDate>
          </item>
          <item>
            <title>Exchange halts   withdrawals &amp; users
              fear insolvency</title>
            <link>https://wire.example/halt</link>
            <pubDate>Fri, 01 Mar 2024 07:30:00 EST</pubDate>
          </item>
          <item>
            <link>https://wire.example/untitled</link>
            <guid>wire-1003</guid>
          </item>
        </channel>
      </rss>
      """;

  static final String ATOM = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <title>Desk</title>
        <id>urn:desk</id>
        <updated>2024-03-01T12:00:00Z</updated>
        <entry>
          <title type="text">Ether upgrade ships on time</title>
          <id>urn:desk:1</id>
          <link rel="self" href="https://desk.example/api/1"/>
          <link href="https://desk.example/1"/>
          <published>2024-03-01T11:00:00Z</published>
          <updated>2024-03-01T11:59:00Z</updated>
        </entry>
        <entry>
          <title>Regulator sues exchange</title>
          <id>urn:desk:2</id>
          <link rel="alternate" href="https://desk.example/2"/>
          <updated>2024-03-01T13:00:00+01:00</updated>
        </entry>
      </feed>
      """;

  /** The Atom feed a poll later: one new entry on top of the two known ones. */
  static final String ATOM_LATER = ATOM.replace("  <entry>\n    <title type=\"text\">", """
        <entry>
          <title>Bitcoin miners capitulate</title>
          <id>urn:desk:3</id>
          <published>2024-03-01T12:30:00Z</published>
        </entry>
        <entry>
          <title type="text">""");

  static final String RDF = """
      <?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
          xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://old.example/"><title>Old</title></channel>
        <item rdf:about="https://old.example/1">
          <title>Old-school feed still works</title>
          <link>https://old.example/1</link>
          <dc:date>2024-03-01T12:00:00Z</dc:date>
        </item>
      </rdf:RDF>
      """;

  static final String TRUNCATED = RSS.substring(0, RSS.indexOf("<pubDate>"));

  static final String HTML = "<html><body><h1>502 Bad Gateway</h1></body></html>";

  /** An XXE attempt: an external entity naming a local file, used in a title. */
  static String xxe(Path secret) {
    return """
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
        <rss version="2.0"><channel><title>x</title>
          <item><title>Leak: &xxe;</title><guid>xxe-1</guid></item>
        </channel></rss>
        """.formatted(secret.toUri());
  }

  static final String BILLION_LAUGHS = """
      <?xml version="1.0"?>
      <!DOCTYPE rss [
        <!ENTITY lol "lol">
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
      ]>
      <rss version="2.0"><channel><item><title>&lol3;</title></item></channel></rss>
      """;

  static byte[] bytes(String document) {
    return document.getBytes(StandardCharsets.UTF_8);
  }
}
