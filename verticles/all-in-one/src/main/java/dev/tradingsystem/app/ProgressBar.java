package dev.tradingsystem.app;

import dev.tradingsystem.proto.ReplayProgress;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on stderr while the replay runs. */
public final class ProgressBar {

  private static final int WIDTH = 30;

  private final boolean quiet;
  private final PrintStream out = System.err;
  private final long startNanos = System.nanoTime();
  private boolean drawn;

  /** A bar on stderr, or nothing when {@code quiet}. */
  public ProgressBar(boolean quiet) {
    this.quiet = quiet;
  }

  /** Redraws the line with the latest progress. */
  public void update(ReplayProgress progress) {
    if (quiet) {
      return;
    }
    long total = progress.getTotalHint();
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long rate = Math.round(progress.getTicks() / seconds);
    String bar;
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, progress.getTicks() * WIDTH / total);
      bar = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
          + String.format(Locale.ROOT, "%3d%% ", Math.min(100, progress.getTicks() * 100 / total));
    } else {
      bar = "";
    }
    out.printf(Locale.ROOT, "\r%s%,d ticks  %,d/s  rejected %,d%s", bar, progress.getTicks(), rate,
        progress.getRejected(), progress.getCompleted() ? "  done" : "");
    drawn = true;
  }

  /** Ends the line. */
  public void finish() {
    if (drawn) {
      out.println();
    }
  }
}
