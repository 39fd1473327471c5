package dev.tradingsystem.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's report file, creating its folder, so every command treats a report path alike. */
public final class ReportFiles {

  private ReportFiles() {
  }

  /** Writes {@code text} as UTF-8 to {@code file}, creating missing parent folders. */
  public static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
