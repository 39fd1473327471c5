package dev.tradingsystem.frameworks.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The import lines of a module's sources, for the dependency rules of ARCHITECTURE.md §5a that
 * each framework module checks on itself (the compiled-code rules run in all-in-one).
 */
public final class SourceImports {

  /** The package every framework may import besides its own, {@code proto} and {@code shared}. */
  public static final String RUNTIME_PACKAGE = "dev.tradingsystem.frameworks.runtime.";

  /**
   * The runtime classes a framework's domain packages (strategies, quoting, trade management) may
   * use: they import no Vert.x, which framework-runtime's own rules check.
   */
  public static final List<String> VERTX_FREE_RUNTIME_CLASSES =
      List.of("ConsensusChecks", "PortfolioSlice", "RiskStance", "RiskWatch", "StrategyIntents", "TickParticipant");

  private SourceImports() {
  }

  /** The trimmed {@code import} lines of one Java file, or of every one below a folder (which must exist). */
  public static List<String> in(Path dir) {
    assertThat(dir).exists();
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).flatMap(SourceImports::lines)
          .map(String::trim).filter(line -> line.startsWith("import ")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir.toString(), e);
    }
  }

  /** Whether an import line names one of this project's packages other than the allowed prefixes. */
  public static boolean importsProjectCodeOutside(String line, String... allowedPrefixes) {
    if (!line.startsWith("import dev.tradingsystem.")) {
      return false;
    }
    for (String prefix : allowedPrefixes) {
      if (line.startsWith("import " + prefix)) {
        return false;
      }
    }
    return true;
  }

  /** Whether an import line brings a runtime class into a domain package that may pull in Vert.x. */
  public static boolean importsRuntimeWiring(String line) {
    return line.startsWith("import " + RUNTIME_PACKAGE)
        && VERTX_FREE_RUNTIME_CLASSES.stream().noneMatch(name -> line.equals("import " + RUNTIME_PACKAGE + name + ";"));
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }
}
