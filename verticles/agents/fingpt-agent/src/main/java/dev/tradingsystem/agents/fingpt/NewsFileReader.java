package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.agents.runtime.Rejection;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.NewsItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads a timestamped news file ({@link NewsFileFormat}) into {@link NewsItem}s ordered by event
 * time (file order among equal times). Each item's id is {@code <file name>:<line>}, stable across
 * runs. A bad line is set aside with its line number and reason, never fatal: a replay with a few
 * unreadable headlines is still a replay.
 */
public final class NewsFileReader {

  /** A line that did not become an item. */
  public record RejectedLine(int line, Rejection rejection, String raw) {
  }

  /** What a file held. */
  public record NewsFile(NewsFileFormat format, List<NewsItem> items, List<RejectedLine> rejected) {
  }

  private static final Pattern DATE_FIRST = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern SYMBOL_SEPARATORS = Pattern.compile("[;\\s]+");

  private final NewsFileFormat format;
  private final List<String> defaultSymbols;
  private final boolean dateOnlyAtDayStart;

  /**
   * @param format             the layout, or AUTO to tell from the first line
   * @param defaultSymbols     symbols of items that name none (a file of bitcoin news: {@code BTC})
   * @param dateOnlyAtDayStart date-only timestamps at midnight instead of the end of the day
   */
  public NewsFileReader(NewsFileFormat format, List<String> defaultSymbols, boolean dateOnlyAtDayStart) {
    this.format = format;
    this.defaultSymbols = List.copyOf(defaultSymbols);
    this.dateOnlyAtDayStart = dateOnlyAtDayStart;
  }

  /** Reads a UTF-8 file; blocking, call it off the event loop. */
  public NewsFile read(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.getFileName().toString());
    }
  }

  /** Reads lines; {@code name} prefixes ids and is the source of items that name none. */
  public NewsFile read(BufferedReader reader, String name) throws IOException {
    List<NewsItem> items = new ArrayList<>();
    List<RejectedLine> rejected = new ArrayList<>();
    NewsFileFormat layout = format == NewsFileFormat.AUTO ? null : format;
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = CsvRecords.split(line);
      if (layout == null) {
        layout = fields.size() >= 3 && DATE_FIRST.matcher(fields.get(0).trim()).matches()
            && fields.get(1).trim().startsWith("http") ? NewsFileFormat.DYKSTRANET : NewsFileFormat.CSV;
      }
      if (layout == NewsFileFormat.CSV && fields.get(0).trim().toLowerCase(Locale.ROOT).equals("timestamp")) {
        continue;
      }
      String id = name + ":" + number;
      try {
        NewsItem item = layout == NewsFileFormat.DYKSTRANET ? dykstranet(id, fields) : csv(id, fields, name);
        Optional<Rejection> invalid = NewsItemValidator.check(item);
        if (invalid.isPresent()) {
          rejected.add(new RejectedLine(number, invalid.get(), line));
        } else {
          items.add(item);
        }
      } catch (LineException e) {
        rejected.add(new RejectedLine(number, e.rejection, line));
      }
    }
    items.sort(Comparator.comparingLong(item -> item.getMeta().getEventTimeUs()));
    return new NewsFile(layout == null ? format : layout, List.copyOf(items), List.copyOf(rejected));
  }

  private NewsItem csv(String id, List<String> fields, String name) throws LineException {
    if (fields.size() < 2) {
      throw new LineException("too_few_fields", "expected timestamp,headline[,source[,symbols]]");
    }
    if (fields.size() > 4) {
      throw new LineException("too_many_fields", fields.size() + " fields; quote a headline that holds commas");
    }
    String source = fields.size() > 2 && !fields.get(2).isBlank() ? fields.get(2).trim() : name;
    List<String> symbols = new ArrayList<>();
    if (fields.size() > 3) {
      for (String symbol : SYMBOL_SEPARATORS.split(fields.get(3).trim())) {
        if (!symbol.isEmpty()) {
          symbols.add(symbol);
        }
      }
    }
    return item(id, time(fields.get(0)), fields.get(1), source, symbols);
  }

  private NewsItem dykstranet(String id, List<String> fields) throws LineException {
    if (fields.size() < 3) {
      throw new LineException("too_few_fields", "expected date,url,title");
    }
    // Titles were written without quoting: every field after the url is part of the title.
    String title = String.join(",", fields.subList(2, fields.size()));
    return item(id, time(fields.get(0)), title, host(fields.get(1).trim()), List.of());
  }

  private NewsItem item(String id, long eventTimeUs, String headline, String source, List<String> symbols) {
    return NewsItem.newBuilder()
        .setMeta(Meta.newBuilder().setId(id).setTraceId(id).setEventTimeUs(eventTimeUs))
        .setHeadline(headline.trim())
        .setSource(source)
        .addAllSymbols(symbols.isEmpty() ? defaultSymbols : symbols)
        .build();
  }

  private long time(String field) throws LineException {
    OptionalLong micros = NewsTime.parseMicros(field, dateOnlyAtDayStart);
    if (micros.isEmpty() || micros.getAsLong() <= 0) {
      throw new LineException("bad_timestamp", "'" + field.trim() + "' is no ISO-8601 time, date or epoch number");
    }
    return micros.getAsLong();
  }

  /** The publisher of a story, from its link: {@code www.coindesk.com}. */
  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? url : host;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static final class LineException extends Exception {
    private final transient Rejection rejection;

    LineException(String reason, String message) {
      super(message, null, false, false);
      this.rejection = new Rejection(reason, message);
    }
  }
}
