package dev.tradingsystem.portfolio.journal;

import org.HdrHistogram.Histogram;

/**
 * The counters every journal backend keeps about its group commits: records, bytes, commits,
 * the largest group, and the time from append to durable. Thread-safe: the writer thread records,
 * the service reads.
 */
final class GroupCommits {

  private final Histogram commitMicros = new Histogram(3_600_000_000L, 3);
  private long records;
  private long bytes;
  private long commits;
  private long forces;
  private long largestCommit;

  /** One durable group of {@code groupRecords} records; {@code enqueuedNanos} per append in it. */
  synchronized void committed(int groupRecords, long groupBytes, long[] enqueuedNanos, long nowNanos) {
    records += groupRecords;
    bytes += groupBytes;
    commits++;
    largestCommit = Math.max(largestCommit, groupRecords);
    for (long enqueued : enqueuedNanos) {
      commitMicros.recordValue(Math.min(commitMicros.getHighestTrackableValue(), Math.max(0, (nowNanos - enqueued) / 1000)));
    }
  }

  /** A device force (the file journal's fsync). */
  synchronized void forced() {
    forces++;
  }

  synchronized JournalStats stats() {
    boolean none = commitMicros.getTotalCount() == 0;
    return new JournalStats(records, commits, forces, bytes, largestCommit,
        none ? 0 : commitMicros.getValueAtPercentile(50), none ? 0 : commitMicros.getValueAtPercentile(99),
        none ? 0 : commitMicros.getMaxValue());
  }
}
