package dev.tradingsystem.portfolio.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Book update chains after a snapshot with lastUpdateId 100, by Binance's rules. Deltas are
 * {@code U-u} on spot and {@code U-u/pu} on futures, applied in order.
 */
class BookSequencerTest {

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                   | deltas                      | verdicts
      spot: straddles then continues           | 95-101 102-105              | APPLY APPLY
      spot: already in the snapshot            | 90-100 101-103              | SKIP APPLY
      spot: first does not straddle            | 102-104 105-106             | GAP NOT_SYNCED
      spot: gap after a good start             | 101-103 105-106 107-108     | APPLY GAP NOT_SYNCED
      spot: a late duplicate is stale          | 101-103 102-103 104-104     | APPLY STALE APPLY
      futures: straddles, then pu chain        | 99-101/98 102-104/101       | APPLY APPLY
      futures: pu does not match               | 99-101/98 102-104/103       | APPLY GAP
      futures: continues a published book      | 101-104/100 105-106/104     | APPLY APPLY
      futures: first does not straddle         | 102-104/101                 | GAP
      no ids: trusted while synced             | 0-0 0-0                     | APPLY APPLY
      """)
  void chainsAreCheckedByUpdateId(String name, String deltas, String verdicts) {
    BookSequencer sequencer = new BookSequencer();
    sequencer.snapshot(100);
    List<String> seen = new ArrayList<>();
    for (String delta : deltas.trim().split("\\s+")) {
      String[] ids = delta.split("[-/]");
      long previous = ids.length > 2 ? Long.parseLong(ids[2]) : 0;
      seen.add(sequencer.delta(Long.parseLong(ids[0]), Long.parseLong(ids[1]), previous).name());
    }

    assertThat(String.join(" ", seen)).isEqualTo(verdicts.trim());
  }

  @Test
  void aSnapshotAfterAGapRestartsTheChain() {
    long snapshotId = 200;
    BookSequencer sequencer = new BookSequencer();
    sequencer.snapshot(100);
    sequencer.delta(150, 151, 0);

    sequencer.snapshot(snapshotId);

    assertThat(sequencer.synced()).isTrue();
    assertThat(sequencer.delta(snapshotId + 1, snapshotId + 2, 0)).isEqualTo(BookSequencer.Verdict.APPLY);
  }
}
