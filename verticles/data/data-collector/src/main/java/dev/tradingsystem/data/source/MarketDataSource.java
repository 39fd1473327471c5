package dev.tradingsystem.data.source;

import dev.tradingsystem.proto.Instrument;
import java.io.Closeable;
import java.io.IOException;

/**
 * A market-data source that delivers into a {@link MarketDataSink}. Replay sources are pulled in
 * batches ({@link #pull}), so the collector decides when to read and the lockstep barrier keeps
 * holding; a live source pushes into the same sink on its own schedule, producing the same
 * messages. Blocking: call {@link #pull} from a worker thread, successive calls ordered.
 */
public interface MarketDataSource extends Closeable {

  /** The {@code source} label of {@code trading_data_rejected_total} for records refused by replay sources. */
  String METRIC_SOURCE = "replay";

  /** Where the data comes from (file path, {@code classpath:} resource, or feed URL). */
  String location();

  /** The format the data is read as (see {@link ReplayFormat}). */
  ReplayFormat format();

  /** The instrument the records are parsed into: symbol, venue and fixed-point scales. */
  Instrument instrument();

  /** Records in the source, valid or not, for progress; 0 when unknown. */
  long totalHint();

  /**
   * Delivers up to {@code maxRecords} records (accepted or rejected) into the sink, in source order.
   *
   * @return false once the source has nothing more to deliver
   */
  boolean pull(MarketDataSink sink, int maxRecords) throws IOException;

  @Override
  void close() throws IOException;
}
