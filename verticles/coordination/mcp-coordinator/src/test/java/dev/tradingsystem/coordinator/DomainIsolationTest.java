package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The consensus maths is plain Java: no Vert.x import may creep into its package. */
class DomainIsolationTest {

  @Test
  void consensusPackageImportsNoVertx() throws IOException {
    Path domain = Path.of("src/main/java/dev/tradingsystem/coordinator/consensus");
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(domain)) {
      offenders = files.filter(p -> p.toString().endsWith(".java")).filter(DomainIsolationTest::importsVertx).toList();
    }
    assertThat(offenders).isEmpty();
  }

  private static boolean importsVertx(Path file) {
    try {
      return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import io.vertx"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
