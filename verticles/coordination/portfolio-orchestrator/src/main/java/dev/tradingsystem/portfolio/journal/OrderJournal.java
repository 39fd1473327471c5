package dev.tradingsystem.portfolio.journal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The portfolio's write-ahead log of the order path: an ordered, append-only sequence of
 * {@link JournalRecord}s, read back whole on start.
 *
 * <p>The port is deliberately narrow so that a log other than a local file fits behind it. The
 * file implementation is {@link FileOrderJournal}; {@link KafkaOrderJournal} maps it one to one
 * onto a single-partition topic per portfolio instance (total order), the {@link JournalCodec}
 * frame as the record value, a transactional idempotent producer with {@code acks=all}
 * ({@link #append} completes when the broker acknowledged), and {@link #recover} reading the
 * partition from the beginning to its end offset. Nothing here assumes files, fsync or a thread
 * model; implementations may run their I/O on any thread but must complete the stages of
 * successive appends in append order.
 */
public interface OrderJournal extends AutoCloseable {

  /**
   * Reads every record already in the journal, in append order, dropping (and reporting) a torn
   * last record, and makes the journal ready to append after the last whole record. Called once,
   * before the first {@link #append}; blocking I/O, so never on an event loop.
   *
   * @throws JournalCorruptException when a record other than the last is damaged
   * @throws IOException when the journal cannot be read or opened for writing
   */
  JournalScan recover() throws IOException;

  /**
   * Appends records after everything appended before. The stage completes when they are durable
   * in the implementation's sense (configured fsync policy; broker acknowledgement), or
   * exceptionally when they could not be written, after which every later append fails too: a
   * gap in the log would make it lie. Stages of successive calls complete in call order.
   * Implementations group the records pending at one moment into one durable write.
   */
  CompletionStage<Void> append(List<JournalRecord> records);

  /** Counters and commit latency for the service's stats. */
  JournalStats stats();

  /** Makes what was appended durable and releases the journal; appends after this fail. */
  @Override
  void close();
}
