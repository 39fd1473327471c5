package dev.tradingsystem.shared.msg;

import dev.tradingsystem.proto.Meta;

/** Builds {@link Meta} headers so every derived message keeps its cause's trace, seq and ingest stamp. */
public final class Metas {

  private Metas() {
  }

  /** The header of a message caused by {@code cause}: same trace, seq, event time and ingest stamp. */
  public static Meta derive(Meta cause, String id) {
    return Meta.newBuilder()
        .setId(id)
        .setTraceId(cause.getTraceId())
        .setSeq(cause.getSeq())
        .setEventTimeUs(cause.getEventTimeUs())
        .setIngestTimeUs(cause.getIngestTimeUs())
        .build();
  }

  /** A header for a message that starts its own trace (a command, an alert). */
  public static Meta origin(String id, long eventTimeUs) {
    return Meta.newBuilder().setId(id).setTraceId(id).setEventTimeUs(eventTimeUs).build();
  }
}
