package dev.tradingsystem.data.live;

/**
 * Per-connection message sequence of a venue that numbers every message (Coinbase Advanced Trade's
 * {@code sequence_num}): a jump means messages were lost, a repeat is a duplicate to drop.
 */
final class SequenceTracker {

  enum Verdict { IN_ORDER, GAP, DUPLICATE }

  private long expected = -1;

  /** A new connection numbers from scratch. */
  void reset() {
    expected = -1;
  }

  Verdict observe(long sequence) {
    if (expected >= 0 && sequence < expected) {
      return Verdict.DUPLICATE;
    }
    Verdict verdict = expected < 0 || sequence == expected ? Verdict.IN_ORDER : Verdict.GAP;
    expected = sequence + 1;
    return verdict;
  }
}
