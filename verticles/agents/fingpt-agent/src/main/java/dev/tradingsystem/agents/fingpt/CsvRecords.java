package dev.tradingsystem.agents.fingpt;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, a field that starts with a quote (after optional
 * blanks) is quoted and may hold commas, doubled quotes and line breaks (tweets do). A quote
 * anywhere else is text, as hand-made news files write {@code 5" screens} unescaped. One parser
 * for the news files and the labelled sentiment sets, so both read a quirky line the same way.
 */
public final class CsvRecords {

  private CsvRecords() {
  }

  /** Every record of {@code text}; CR, LF and CRLF end a record outside quotes. */
  public static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  /** The fields of one line (a line break inside it, outside quotes, is kept as text). */
  public static List<String> split(String line) {
    List<List<String>> rows = parse(line.replace('\r', ' ').replace('\n', ' '));
    return rows.isEmpty() ? List.of("") : rows.get(0);
  }
}
