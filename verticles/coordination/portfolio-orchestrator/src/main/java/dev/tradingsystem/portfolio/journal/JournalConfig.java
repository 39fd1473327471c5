package dev.tradingsystem.portfolio.journal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how durably the portfolio journals its order path.
 *
 * @param dir {@code portfolio.journal.dir}: the journal's folder; empty (the default) means no
 *     journal, which is right for backtests and hyperopt (a replay can simply be run again, and
 *     every order would otherwise wait for a disk write). Set it for paper or live trading.
 * @param fsync {@code portfolio.journal.fsync}: {@code always} (default) forces every group commit
 *     to the device before acknowledging it, which survives a power loss; {@code batch} hands
 *     each group commit to the OS before acknowledging it (survives a killed process, not a lost
 *     machine) and forces at most every {@code fsyncIntervalMs}, for disks where a force costs
 *     more than the pipeline can wait per tick.
 * @param fsyncIntervalMs {@code portfolio.journal.fsyncIntervalMs} (batch only): the most a power
 *     loss can take back. Shorter costs more forces.
 */
public record JournalConfig(Optional<Path> dir, Fsync fsync, long fsyncIntervalMs) {

  /** How a group commit is made durable before it is acknowledged. */
  public enum Fsync {
    ALWAYS,
    BATCH
  }

  public static final Fsync DEFAULT_FSYNC = Fsync.ALWAYS;
  public static final long DEFAULT_FSYNC_INTERVAL_MS = 100;
  /** The journal file inside {@link #dir}. */
  public static final String FILE_NAME = "orders.journal";

  public static JournalConfig disabled() {
    return new JournalConfig(Optional.empty(), DEFAULT_FSYNC, DEFAULT_FSYNC_INTERVAL_MS);
  }

  public boolean enabled() {
    return dir.isPresent();
  }

  /** The journal file; only when enabled. */
  public Path file() {
    return dir.orElseThrow().resolve(FILE_NAME);
  }

  @Override
  public String toString() {
    return dir.map(d -> d + " (fsync " + fsync.name().toLowerCase(java.util.Locale.ROOT)
        + (fsync == Fsync.BATCH ? " every " + fsyncIntervalMs + " ms" : "") + ")").orElse("off");
  }
}
