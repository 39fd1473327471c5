package dev.tradingsystem.data.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinanceDepthSyncTest {

  private static final long SNAPSHOT_ID = 50_093_239_218L;

  /** The depth diffs of the real capture head, in stream order. */
  private static List<BookDelta> realDiffs() {
    BinanceFrameParser parser = new BinanceFrameParser(
        LiveConfig.from(ConfigReader.of(TestConfig.of())).binance(), () -> 0L);
    ParsedFrames out = new ParsedFrames();
    BinanceCapture.head(3000).ofKind("depth").forEach(frame -> parser.parseStream(frame, out));
    return out.deltas;
  }

  @Test
  void realCaptureSyncsWithoutGapsWhateverWhenTheSnapshotArrives() {
    List<BookDelta> diffs = realDiffs();
    assertThat(diffs).hasSizeGreaterThan(50);
    for (int snapshotAfter = 0; snapshotAfter <= 5; snapshotAfter++) {
      BinanceDepthSync sync = new BinanceDepthSync();
      List<BookDelta> applied = new ArrayList<>();
      boolean resync = false;
      for (int i = 0; i < diffs.size(); i++) {
        if (i == snapshotAfter) {
          BinanceDepthSync.Step step = sync.onSnapshot(SNAPSHOT_ID);
          applied.addAll(step.deliver());
          resync |= step.resync();
        }
        BinanceDepthSync.Step step = sync.onDiff(diffs.get(i));
        applied.addAll(step.deliver());
        resync |= step.resync();
      }
      assertThat(resync).as("snapshot after %d diffs", snapshotAfter).isFalse();
      // Binance's rules: first applied straddles lastUpdateId + 1, then each starts at previous u + 1.
      assertThat(applied.get(0).getFirstUpdateId()).isLessThanOrEqualTo(SNAPSHOT_ID + 1);
      assertThat(applied.get(0).getLastUpdateId()).isGreaterThanOrEqualTo(SNAPSHOT_ID + 1);
      for (int i = 1; i < applied.size(); i++) {
        assertThat(applied.get(i).getFirstUpdateId()).isEqualTo(applied.get(i - 1).getLastUpdateId() + 1);
      }
      assertThat(applied.get(applied.size() - 1)).isEqualTo(diffs.get(diffs.size() - 1));
    }
  }

  @Test
  void aMissingDiffIsAGapAndTheNextSnapshotResumes() {
    List<BookDelta> diffs = new ArrayList<>(realDiffs());
    BookDelta lost = diffs.remove(20);
    BinanceDepthSync sync = new BinanceDepthSync();
    sync.onSnapshot(SNAPSHOT_ID);
    int gapAt = -1;
    for (int i = 0; i < diffs.size(); i++) {
      if (sync.onDiff(diffs.get(i)).resync()) {
        gapAt = i;
        break;
      }
    }
    assertThat(gapAt).isEqualTo(20);
    assertThat(sync.synced()).isFalse();
    // The diffs after the gap wait for a snapshot newer than the lost one.
    sync.onDiff(diffs.get(21));
    BinanceDepthSync.Step step = sync.onSnapshot(lost.getLastUpdateId());
    assertThat(step.resync()).isFalse();
    assertThat(step.deliver()).containsExactly(diffs.get(20), diffs.get(21));
    assertThat(sync.onDiff(diffs.get(22)).deliver()).containsExactly(diffs.get(22));
  }

  @ParameterizedTest(name = "snapshot {0}, diff [{1},{2}] -> delivered {3}, resync {4}")
  @CsvSource({
      "100, 90,  100, false, false", // u <= lastUpdateId: already in the snapshot
      "100, 95,  105, true,  false", // straddles lastUpdateId + 1
      "100, 101, 105, true,  false", // starts exactly at lastUpdateId + 1
      "100, 102, 105, false, true",  // snapshot is older than the stream: fetch again
  })
  void firstDiffAfterTheSnapshot(long snapshot, long first, long last, boolean delivered, boolean resync) {
    BinanceDepthSync sync = new BinanceDepthSync();
    sync.onSnapshot(snapshot);
    BinanceDepthSync.Step step = sync.onDiff(BookDelta.newBuilder().setFirstUpdateId(first).setLastUpdateId(last).build());
    assertThat(step.deliver().isEmpty()).isEqualTo(!delivered);
    assertThat(step.resync()).isEqualTo(resync);
  }

  @Test
  void buffersUntilTheSnapshotAndBoundsTheBuffer() {
    BinanceDepthSync sync = new BinanceDepthSync();
    for (int i = 0; i < BinanceDepthSync.MAX_BUFFERED + 5; i++) {
      assertThat(sync.onDiff(BookDelta.newBuilder().setFirstUpdateId(i * 2L).setLastUpdateId(i * 2L + 1).build())
          .deliver()).isEmpty();
    }
    assertThat(sync.buffered()).isEqualTo(BinanceDepthSync.MAX_BUFFERED);
    BinanceDepthSync.Step step = sync.onSnapshot(BinanceDepthSync.MAX_BUFFERED * 2L);
    assertThat(step.resync()).isFalse();
    assertThat(step.deliver()).hasSize(5);
  }
}
