package dev.tradingsystem.data.source;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

/**
 * Opens replay data: a file path or {@code classpath:<resource>}; {@code .gz} is decompressed on
 * the fly and a {@code .zip} (as Binance's public-data site serves them) is read from its first
 * entry, so a downloaded file replays without unpacking. Blocking I/O.
 */
public final class DataFiles {

  public static final String CLASSPATH_PREFIX = "classpath:";

  private DataFiles() {
  }

  /** A UTF-8 line reader over the (decompressed) content. */
  public static BufferedReader open(String location) throws IOException {
    InputStream in;
    if (location.startsWith(CLASSPATH_PREFIX)) {
      String resource = location.substring(CLASSPATH_PREFIX.length());
      in = DataFiles.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new FileNotFoundException("no classpath resource " + resource);
      }
    } else {
      Path path = Path.of(location);
      if (!Files.isRegularFile(path)) {
        throw new FileNotFoundException("no such file " + path.toAbsolutePath());
      }
      in = Files.newInputStream(path);
    }
    String lower = location.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    } else if (lower.endsWith(".zip")) {
      ZipInputStream zip = new ZipInputStream(in);
      if (zip.getNextEntry() == null) {
        zip.close();
        throw new IOException(location + " is an empty zip archive");
      }
      in = zip;
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Up to {@code max} first non-blank lines, for format detection and scale probing. */
  public static List<String> head(String location, int max) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = open(location)) {
      String line;
      while (lines.size() < max && (line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  /** Non-blank lines in the whole source (a full pass). */
  public static long countLines(String location) throws IOException {
    long lines = 0;
    try (BufferedReader reader = open(location)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          lines++;
        }
      }
    }
    return lines;
  }

  /** The file name without directories or the {@code classpath:} prefix. */
  public static String fileName(String location) {
    String name = location.startsWith(CLASSPATH_PREFIX) ? location.substring(CLASSPATH_PREFIX.length()) : location;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash >= 0 ? name.substring(slash + 1) : name;
  }
}
