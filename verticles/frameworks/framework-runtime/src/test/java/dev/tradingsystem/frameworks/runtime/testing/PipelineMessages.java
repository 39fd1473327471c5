package dev.tradingsystem.frameworks.runtime.testing;

import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.PortfolioState;

/**
 * Headers as the data-collector stamps them (id {@code md-<seq>}, trace {@code t-<seq>}) and the
 * portfolio snapshot a tick waits for; each framework's fixtures build their features on these.
 */
public final class PipelineMessages {

  /** A fixed ingest stamp: latency is not under test, determinism is. */
  public static final long INGEST_TIME_US = 42;

  private PipelineMessages() {
  }

  public static Meta meta(long seq, long eventTimeUs) {
    return Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq)
        .setEventTimeUs(eventTimeUs).setIngestTimeUs(INGEST_TIME_US).build();
  }

  /** An empty snapshot (no positions, no orders) after market event {@code seq}. */
  public static PortfolioState state(long seq, long eventTimeUs) {
    return PortfolioState.newBuilder().setMeta(meta(seq, eventTimeUs)).build();
  }
}
