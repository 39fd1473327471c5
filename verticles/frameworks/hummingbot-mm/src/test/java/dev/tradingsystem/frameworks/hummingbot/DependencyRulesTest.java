package dev.tradingsystem.frameworks.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.runtime.testing.SourceImports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The architecture rules this module must keep (ARCHITECTURE.md §5a), checked on its sources:
 * quoting models and the backtest import no Vert.x, not even through the framework runtime, and
 * nothing here imports another service (the framework runtime is a library, not a service).
 */
class DependencyRulesTest {

  private static final Path MAIN = Path.of("src/main/java/dev/tradingsystem/frameworks/hummingbot");

  @ParameterizedTest
  @ValueSource(strings = {"quoting", "backtest"})
  void domainClassesImportNoVertx(String domainPackage) {
    assertThat(SourceImports.in(MAIN.resolve(domainPackage))).noneMatch(line -> line.startsWith("import io.vertx"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"quoting", "backtest"})
  void domainClassesUseOnlyTheVertxFreePartOfTheRuntime(String domainPackage) {
    assertThat(SourceImports.in(MAIN.resolve(domainPackage))).noneMatch(SourceImports::importsRuntimeWiring);
  }

  @Test
  void noOtherServiceIsImported() {
    assertThat(SourceImports.in(MAIN)).noneMatch(line -> SourceImports.importsProjectCodeOutside(line,
        "dev.tradingsystem.frameworks.hummingbot.", SourceImports.RUNTIME_PACKAGE,
        "dev.tradingsystem.proto.", "dev.tradingsystem.shared."));
  }
}
