package dev.tradingsystem.portfolio.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal as one append-only local file, written by one dedicated thread with group commit:
 * whatever was appended while the previous commit was being forced goes out as the next commit,
 * one gathering write and (under {@code fsync=always}) one {@link FileChannel#force}. Callers
 * never block: {@link #append} encodes on the caller's thread and returns a stage the writer
 * completes, in append order, once the commit holding the records is durable.
 */
public final class FileOrderJournal implements OrderJournal {

  private static final Logger LOG = LoggerFactory.getLogger(FileOrderJournal.class);
  private static final int MAX_BATCH = 4096;

  private record Pending(ByteBuffer[] frames, int records, long bytes, long enqueuedNanos, CompletableFuture<Void> done) {
  }

  private static final Pending CLOSE = new Pending(new ByteBuffer[0], 0, 0, 0, null);

  private final JournalConfig config;
  private final Path file;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final GroupCommits counters = new GroupCommits();
  private FileChannel channel;
  private Thread writer;
  private volatile IOException failure;
  private volatile boolean closed;
  private boolean dirty;

  public FileOrderJournal(JournalConfig config) {
    this.config = config;
    this.file = config.file();
  }

  @Override
  public synchronized JournalScan recover() throws IOException {
    if (channel != null) {
      throw new IllegalStateException("journal " + file + " was already recovered");
    }
    Files.createDirectories(file.getParent());
    JournalScan scan = JournalReader.read(file);
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    if (scan.droppedTailRecords() > 0) {
      LOG.warn("journal {}: dropped a torn last record ({} bytes after {} whole records: {}); it was never acknowledged",
          file, scan.droppedTailBytes(), scan.records().size(), scan.tailProblem());
      // New records must follow the last whole one, or the torn bytes would sit in the middle.
      channel.truncate(scan.validBytes());
      channel.force(true);
    }
    channel.position(scan.validBytes());
    writer = new Thread(this::writeLoop, "portfolio-journal-writer");
    writer.setDaemon(true);
    writer.start();
    return scan;
  }

  @Override
  public CompletionStage<Void> append(List<JournalRecord> batch) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (batch.isEmpty()) {
      done.complete(null);
      return done;
    }
    ByteBuffer[] frames = new ByteBuffer[batch.size()];
    long size = 0;
    for (int i = 0; i < frames.length; i++) {
      frames[i] = ByteBuffer.wrap(JournalCodec.frame(batch.get(i)));
      size += frames[i].remaining();
    }
    IOException failed = failure;
    if (failed != null || closed || writer == null) {
      done.completeExceptionally(failed != null ? failed
          : new IllegalStateException("journal " + file + (closed ? " is closed" : " was not recovered")));
      return done;
    }
    queue.add(new Pending(frames, frames.length, size, System.nanoTime(), done));
    return done;
  }

  @Override
  public JournalStats stats() {
    return counters.stats();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (writer == null) {
      return;
    }
    queue.add(CLOSE);
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("journal {} did not close cleanly: {}", file, e.getMessage());
    }
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    boolean running = true;
    while (running) {
      try {
        Pending first = next();
        if (first == null) {
          forceIfDirty();
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH);
        running = !batch.remove(CLOSE);
        commit(batch);
        if (!running) {
          forceIfDirty();
        }
      } catch (IOException e) {
        fail(batch, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      batch.clear();
    }
    List<Pending> late = new ArrayList<>();
    queue.drainTo(late);
    late.stream().filter(p -> p.done() != null)
        .forEach(p -> p.done().completeExceptionally(new IllegalStateException("journal " + file + " is closed")));
  }

  /** The next append; under batch fsync, null when the interval passed without one (time to force). */
  private Pending next() throws InterruptedException {
    if (config.fsync() == JournalConfig.Fsync.BATCH && dirty) {
      return queue.poll(config.fsyncIntervalMs(), TimeUnit.MILLISECONDS);
    }
    return queue.take();
  }

  private void commit(List<Pending> batch) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    if (failure != null) {
      throw failure;
    }
    List<ByteBuffer> frames = new ArrayList<>();
    int commitRecords = 0;
    long commitBytes = 0;
    for (Pending pending : batch) {
      frames.addAll(List.of(pending.frames()));
      commitRecords += pending.records();
      commitBytes += pending.bytes();
    }
    ByteBuffer[] all = frames.toArray(ByteBuffer[]::new);
    long written = 0;
    while (written < commitBytes) {
      written += channel.write(all);
    }
    dirty = true;
    if (config.fsync() == JournalConfig.Fsync.ALWAYS) {
      forceIfDirty();
    }
    counters.committed(commitRecords, commitBytes, batch.stream().mapToLong(Pending::enqueuedNanos).toArray(),
        System.nanoTime());
    for (Pending pending : batch) {
      pending.done().complete(null);
    }
  }

  private void forceIfDirty() throws IOException {
    if (dirty) {
      channel.force(false);
      dirty = false;
      counters.forced();
    }
  }

  /** A failed write poisons the journal: what is queued and what comes later fails, nothing is skipped. */
  private void fail(List<Pending> batch, IOException e) {
    if (failure == null) {
      LOG.error("journal {} failed: {}; no further order or fill can be acknowledged", file, e.getMessage(), e);
      failure = e;
    }
    batch.stream().filter(p -> p.done() != null).forEach(p -> p.done().completeExceptionally(e));
    List<Pending> rest = new ArrayList<>();
    queue.drainTo(rest);
    rest.stream().filter(p -> p.done() != null).forEach(p -> p.done().completeExceptionally(e));
    if (rest.contains(CLOSE)) {
      queue.add(CLOSE);
    }
  }
}
