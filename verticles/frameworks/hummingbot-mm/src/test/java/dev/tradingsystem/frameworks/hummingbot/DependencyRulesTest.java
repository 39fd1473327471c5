package dev.tradingsystem.frameworks.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.runtime.testing.SourceImports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules this module must keep (ARCHITECTURE.md §5a), checked on its sources:
 * the quoting models import no Vert.x, not even through the framework runtime, and
 * nothing here imports another service (the framework runtime is a library, not a service).
 */
class DependencyRulesTest {

  private static final Path MAIN = Path.of("src/main/java/dev/tradingsystem/frameworks/hummingbot");
  private static final Path QUOTING = MAIN.resolve("quoting");

  @Test
  void quotingImportsNoVertx() {
    assertThat(SourceImports.in(QUOTING)).isNotEmpty().noneMatch(line -> line.startsWith("import io.vertx"));
  }

  @Test
  void quotingUsesOnlyTheVertxFreePartOfTheRuntime() {
    assertThat(SourceImports.in(QUOTING)).noneMatch(SourceImports::importsRuntimeWiring);
  }

  @Test
  void noOtherServiceIsImported() {
    assertThat(SourceImports.in(MAIN)).noneMatch(line -> SourceImports.importsProjectCodeOutside(line,
        "dev.tradingsystem.frameworks.hummingbot.", SourceImports.RUNTIME_PACKAGE,
        "dev.tradingsystem.proto.", "dev.tradingsystem.shared."));
  }
}
