package dev.tradingsystem.frameworks.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules this module must keep (ARCHITECTURE.md §5a), checked on its sources:
 * quoting models import no Vert.x, and nothing here imports another service.
 */
class DependencyRulesTest {

  private static final Path MAIN = Path.of("src/main/java/dev/tradingsystem/frameworks/hummingbot");

  @Test
  void domainClassesImportNoVertx() throws IOException {
    assertThat(importsIn(MAIN.resolve("quoting"))).noneMatch(line -> line.startsWith("import io.vertx"));
  }

  @Test
  void noOtherServiceIsImported() throws IOException {
    assertThat(importsIn(MAIN)).filteredOn(line -> line.startsWith("import dev.tradingsystem."))
        .allMatch(line -> line.startsWith("import dev.tradingsystem.frameworks.hummingbot.")
            || line.startsWith("import dev.tradingsystem.proto.")
            || line.startsWith("import dev.tradingsystem.shared."));
  }

  private static List<String> importsIn(Path dir) throws IOException {
    assertThat(dir).isDirectory();
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).flatMap(DependencyRulesTest::lines)
          .map(String::trim).filter(line -> line.startsWith("import ")).toList();
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }
}
