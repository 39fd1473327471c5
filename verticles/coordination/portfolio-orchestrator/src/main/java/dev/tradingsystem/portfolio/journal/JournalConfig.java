package dev.tradingsystem.portfolio.journal;

import dev.tradingsystem.shared.kafka.KafkaSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how durably the portfolio journals its order path.
 *
 * @param dir {@code portfolio.journal.dir}: the file journal's folder; empty (the default) means no
 *     file journal, which is right for backtests and hyperopt (a replay can simply be run again, and
 *     every order would otherwise wait for a disk write). Set it for paper or live trading.
 * @param fsync {@code portfolio.journal.fsync}: {@code always} (default) forces every group commit
 *     to the device before acknowledging it, which survives a power loss; {@code batch} hands
 *     each group commit to the OS before acknowledging it (survives a killed process, not a lost
 *     machine) and forces at most every {@code fsyncIntervalMs}, for disks where a force costs
 *     more than the pipeline can wait per tick.
 * @param fsyncIntervalMs {@code portfolio.journal.fsyncIntervalMs} (batch only): the most a power
 *     loss can take back. Shorter costs more forces.
 * @param backend {@code portfolio.journal.backend}: {@code none}, {@code file} (survives what the
 *     local disk survives) or {@code kafka} (survives the machine: acknowledged by the in-sync
 *     replicas of a broker cluster, at the price of a network round trip per group commit).
 *     Default: {@code file} when a dir is set, else {@code none}; Kafka is only ever chosen
 *     explicitly, so mirroring streams to Kafka does not silently move the journal there.
 * @param kafkaTopic {@code portfolio.journal.kafkaTopic} (kafka only): the single-partition topic
 *     of this portfolio instance. Two instances sharing a topic fence each other, by design.
 * @param kafka the {@code kafka.*} settings (servers, replication, client properties); present
 *     only for the kafka backend
 */
public record JournalConfig(Optional<Path> dir, Fsync fsync, long fsyncIntervalMs, Backend backend,
    String kafkaTopic, Optional<KafkaSettings> kafka) {

  /** How a group commit is made durable before it is acknowledged. */
  public enum Fsync {
    ALWAYS,
    BATCH
  }

  /** Which log the journal is. */
  public enum Backend {
    NONE,
    FILE,
    KAFKA
  }

  public static final Fsync DEFAULT_FSYNC = Fsync.ALWAYS;
  public static final long DEFAULT_FSYNC_INTERVAL_MS = 100;
  public static final String DEFAULT_KAFKA_TOPIC = "portfolio.journal";
  /** The journal file inside {@link #dir}. */
  public static final String FILE_NAME = "orders.journal";

  /** A file journal in {@code dir} (or none without one). */
  public JournalConfig(Optional<Path> dir, Fsync fsync, long fsyncIntervalMs) {
    this(dir, fsync, fsyncIntervalMs, dir.isPresent() ? Backend.FILE : Backend.NONE, DEFAULT_KAFKA_TOPIC,
        Optional.empty());
  }

  /** A Kafka journal on {@code topic}. */
  public static JournalConfig kafka(KafkaSettings kafka, String topic) {
    return new JournalConfig(Optional.empty(), DEFAULT_FSYNC, DEFAULT_FSYNC_INTERVAL_MS, Backend.KAFKA, topic,
        Optional.of(kafka));
  }

  public static JournalConfig disabled() {
    return new JournalConfig(Optional.empty(), DEFAULT_FSYNC, DEFAULT_FSYNC_INTERVAL_MS);
  }

  public boolean enabled() {
    return backend != Backend.NONE;
  }

  /** The journal file; only for the file backend. */
  public Path file() {
    return dir.orElseThrow().resolve(FILE_NAME);
  }

  /** Where the journal is, for logs and stats: the folder or the topic. */
  public String location() {
    return switch (backend) {
      case NONE -> "";
      case FILE -> dir.orElseThrow().toString();
      case KAFKA -> "kafka:" + kafkaTopic;
    };
  }

  @Override
  public String toString() {
    return switch (backend) {
      case NONE -> "off";
      case FILE -> dir.orElseThrow() + " (fsync " + fsync.name().toLowerCase(Locale.ROOT)
          + (fsync == Fsync.BATCH ? " every " + fsyncIntervalMs + " ms" : "") + ")";
      case KAFKA -> "kafka topic " + kafkaTopic + " at " + kafka.orElseThrow().bootstrapServers();
    };
  }
}
