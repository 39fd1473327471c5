package dev.tradingsystem.app.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project's shared data folder, named as the tests name it: {@code TRADING_SHARED_DIR}, else
 * the {@code trading.shared.dir} system property, else {@code ../shared} from the working
 * directory (beside the repository root when run from it). Labelled sets and the depth captures
 * the evaluation uses by default live there, not in the repository.
 */
public final class SharedDataDir {

  public static final String ENV = "TRADING_SHARED_DIR";
  public static final String PROPERTY = "trading.shared.dir";

  private SharedDataDir() {
  }

  public static Path dir() {
    String dir = System.getenv(ENV);
    if (dir == null || dir.isBlank()) {
      dir = System.getProperty(PROPERTY, "../shared");
    }
    return Path.of(dir).toAbsolutePath().normalize();
  }

  /** The file at {@code relativePath} under the folder, when it is there. */
  public static Optional<Path> find(String relativePath) {
    Path file = dir().resolve(relativePath);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }
}
