package dev.tradingsystem.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Matching, positions, allocation, order intake, the journal, recovery and the engine are plain Java: no Vert.x import
 * (ARCHITECTURE.md §5a), so they run and are tested without an event loop and can be reused by a
 * backtest or a live adapter as they are.
 */
class DomainPurityTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/tradingsystem/portfolio");
  private static final List<String> DOMAIN = List.of(
      "exchange", "book", "allocation", "order", "market", "journal", "PortfolioEngine.java", "TradeOutcome.java",
      "JournalRecovery.java", "JournalReplayer.java", "Reconciliation.java");

  @Test
  void domainClassesImportNoVertx() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> DOMAIN.contains(SOURCES.relativize(p).getName(0).toString()))
          .toList();
    }

    assertThat(files).hasSizeGreaterThan(15);
    assertThat(files).allSatisfy(file ->
        assertThat(read(file)).as(file.toString()).doesNotContain("import io.vertx"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
