package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.agents.fingpt.CsvRecords;
import dev.tradingsystem.agents.fingpt.SentimentLabel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a labelled sentiment set into {@code (text, label)} pairs. A row that cannot be read
 * fails the whole file with its line number: silently dropping rows would change the metric.
 * <ul>
 *   <li>TFNS: RFC 4180 CSV with the header {@code text,label}; tweets hold quoted commas,
 *       doubled quotes and line breaks.</li>
 *   <li>FPB: {@code sentence@label} lines. The shared copy is UTF-8 with a byte-order mark and
 *       CRLF; the original distribution is ISO-8859-1, read as such when it is not valid UTF-8.
 *       The label follows the last {@code @}.</li>
 * </ul>
 */
public final class LabelledSentences {

  /** One labelled text. */
  public record Example(String text, SentimentLabel label) {
  }

  private LabelledSentences() {
  }

  public static List<Example> read(Path file, SentimentFormat format) throws IOException {
    String text = decode(Files.readAllBytes(file));
    return switch (format) {
      case TFNS -> tfns(text, file);
      case FPB -> fpb(text, file);
    };
  }

  private static String decode(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static List<Example> tfns(String text, Path file) {
    List<List<String>> rows = csvRows(text);
    if (rows.isEmpty() || !rows.get(0).equals(List.of("text", "label"))) {
      throw new IllegalArgumentException(file + ": expected the TFNS header 'text,label', got "
          + (rows.isEmpty() ? "an empty file" : rows.get(0)));
    }
    List<Example> examples = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (row.size() != 2) {
        throw new IllegalArgumentException(file + ": record " + i + " has " + row.size() + " fields, expected 2");
      }
      SentimentLabel label = switch (row.get(1).trim()) {
        case "0" -> SentimentLabel.BEARISH;
        case "1" -> SentimentLabel.BULLISH;
        case "2" -> SentimentLabel.NEUTRAL;
        default -> throw new IllegalArgumentException(file + ": record " + i + " has label '" + row.get(1)
            + "', expected 0 (bearish), 1 (bullish) or 2 (neutral)");
      };
      examples.add(new Example(row.get(0), label));
    }
    return examples;
  }

  private static List<Example> fpb(String text, Path file) {
    List<Example> examples = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int at = line.lastIndexOf('@');
      if (at < 0) {
        throw new IllegalArgumentException(file + ": line " + (i + 1) + " has no '@label'");
      }
      SentimentLabel label = switch (line.substring(at + 1).trim().toLowerCase(Locale.ROOT)) {
        case "negative" -> SentimentLabel.BEARISH;
        case "positive" -> SentimentLabel.BULLISH;
        case "neutral" -> SentimentLabel.NEUTRAL;
        default -> throw new IllegalArgumentException(file + ": line " + (i + 1) + " has label '"
            + line.substring(at + 1) + "', expected positive, negative or neutral");
      };
      examples.add(new Example(line.substring(0, at), label));
    }
    return examples;
  }

  /** RFC 4180 records (the sentiment agent's parser), blank lines dropped. */
  static List<List<String>> csvRows(String text) {
    return CsvRecords.parse(text).stream()
        .filter(row -> !(row.size() == 1 && row.get(0).isEmpty()))
        .toList();
  }
}
