package dev.tradingsystem.frameworks.freqtrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.runtime.testing.SourceImports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules this module must keep (ARCHITECTURE.md §5a), checked on its sources:
 * strategies and trade management import no Vert.x, not even through the framework runtime,
 * strategies do not depend on trade management (no package cycle), and nothing here imports
 * another service (the framework runtime is a library, not a service).
 */
class DependencyRulesTest {

  private static final Path MAIN = Path.of("src/main/java/dev/tradingsystem/frameworks/freqtrade");

  @Test
  void domainClassesImportNoVertx() {
    assertThat(SourceImports.in(MAIN.resolve("strategy"))).noneMatch(line -> line.startsWith("import io.vertx"));
    assertThat(SourceImports.in(MAIN.resolve("trade"))).noneMatch(line -> line.startsWith("import io.vertx"));
  }

  @Test
  void domainClassesUseOnlyTheVertxFreePartOfTheRuntime() {
    assertThat(SourceImports.in(MAIN.resolve("strategy"))).noneMatch(SourceImports::importsRuntimeWiring);
    assertThat(SourceImports.in(MAIN.resolve("trade"))).noneMatch(SourceImports::importsRuntimeWiring);
  }

  @Test
  void strategiesDoNotReachIntoTradeManagement() {
    assertThat(SourceImports.in(MAIN.resolve("strategy")))
        .noneMatch(line -> line.startsWith("import dev.tradingsystem.frameworks.freqtrade.trade."));
  }

  @Test
  void noOtherServiceIsImported() {
    assertThat(SourceImports.in(MAIN)).noneMatch(line -> SourceImports.importsProjectCodeOutside(line,
        "dev.tradingsystem.frameworks.freqtrade.", SourceImports.RUNTIME_PACKAGE,
        "dev.tradingsystem.proto.", "dev.tradingsystem.shared."));
  }
}
