package dev.tradingsystem.portfolio.journal;

/**
 * A journal's counters.
 *
 * @param records records appended since start
 * @param commits group commits (one write, and under {@code fsync=always} one force, each)
 * @param forces device forces
 * @param bytes bytes appended since start
 * @param largestCommit most records in one group commit
 * @param commitP50Micros median time from append to durable, microseconds
 * @param commitP99Micros 99th percentile of the same
 * @param commitMaxMicros worst of the same
 */
public record JournalStats(long records, long commits, long forces, long bytes, long largestCommit,
    long commitP50Micros, long commitP99Micros, long commitMaxMicros) {

  public static JournalStats none() {
    return new JournalStats(0, 0, 0, 0, 0, 0, 0, 0);
  }
}
