package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consensus and learning maths, the risk damper and the read model are plain Java: no Vert.x import may creep
 * into their packages.
 */
class DomainIsolationTest {

  @ParameterizedTest
  @ValueSource(strings = {"consensus", "risk", "state"})
  void domainPackagesImportNoVertx(String pkg) throws IOException {
    Path domain = Path.of("src/main/java/dev/tradingsystem/coordinator", pkg);
    List<Path> sources;
    try (Stream<Path> files = Files.walk(domain)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertThat(sources).isNotEmpty();
    assertThat(sources.stream().filter(DomainIsolationTest::importsVertx)).isEmpty();
  }

  private static boolean importsVertx(Path file) {
    try {
      return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import io.vertx"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
