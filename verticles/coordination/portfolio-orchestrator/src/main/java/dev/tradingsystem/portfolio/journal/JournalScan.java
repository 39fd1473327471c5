package dev.tradingsystem.portfolio.journal;

import java.util.List;

/**
 * What a journal holds: its whole records in append order, and the torn tail dropped after them.
 *
 * @param records every whole record, in append order
 * @param validBytes length of the prefix made of whole records: new records are appended here
 * @param droppedTailRecords 1 when an incomplete or unreadable last record was dropped, else 0
 * @param droppedTailBytes bytes after {@code validBytes}
 * @param tailProblem why the tail was dropped; empty when there was none
 */
public record JournalScan(List<JournalRecord> records, long validBytes, int droppedTailRecords,
    long droppedTailBytes, String tailProblem) {

  public JournalScan {
    records = List.copyOf(records);
  }

  public static JournalScan empty() {
    return new JournalScan(List.of(), 0, 0, 0, "");
  }

  public boolean isEmpty() {
    return records.isEmpty();
  }
}
