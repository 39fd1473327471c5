package dev.tradingsystem.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Risk rules, the book, the kill switch and the engine are plain Java: no Vert.x import. */
class DomainIsolationTest {

  private static final Path MAIN = Path.of("src/main/java/dev/tradingsystem/risk");

  @Test
  void domainImportsNoVertx() throws IOException {
    List<Path> domain = new ArrayList<>();
    for (String pkg : List.of("rules", "book", "killswitch", "monitor")) {
      try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(domain::add);
      }
    }
    domain.add(MAIN.resolve("RiskEngine.java"));

    assertThat(domain).hasSizeGreaterThan(10);
    assertThat(domain).filteredOn(DomainIsolationTest::importsVertx).isEmpty();
  }

  private static boolean importsVertx(Path file) {
    try {
      return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import io.vertx"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
