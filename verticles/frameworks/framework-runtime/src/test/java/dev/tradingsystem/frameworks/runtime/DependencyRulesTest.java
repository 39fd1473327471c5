package dev.tradingsystem.frameworks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.runtime.testing.SourceImports;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules the frameworks' shared runtime keeps (ARCHITECTURE.md §5a), checked on its sources:
 * it knows no framework and no other service, the classes strategies may use import no Vert.x,
 * and nothing here, published fixtures included, touches the portfolio side of an approval.
 */
class DependencyRulesTest {

  private static final Path MAIN = Path.of("src/main/java/dev/tradingsystem/frameworks/runtime");
  private static final Path FIXTURES = Path.of("src/test/java/dev/tradingsystem/frameworks/runtime/testing");

  @Test
  void theRuntimeKnowsNoFrameworkAndNoOtherService() {
    assertThat(SourceImports.in(MAIN)).noneMatch(line -> SourceImports.importsProjectCodeOutside(line,
        SourceImports.RUNTIME_PACKAGE, "dev.tradingsystem.proto.", "dev.tradingsystem.shared."));
  }

  @Test
  void theClassesStrategiesMayUseImportNoVertx() {
    for (String name : SourceImports.VERTX_FREE_RUNTIME_CLASSES) {
      assertThat(SourceImports.in(MAIN.resolve(name + ".java"))).as(name)
          .noneMatch(line -> line.startsWith("import io.vertx"));
    }
  }

  @Test
  void nothingReachesThePortfolioOrAnApproval() {
    assertThat(Stream.of(MAIN, FIXTURES).flatMap(dir -> SourceImports.in(dir).stream()))
        .noneMatch(line -> line.startsWith("import dev.tradingsystem.proto.PortfolioService")
            || line.equals("import dev.tradingsystem.proto.ApprovedOrder;")
            || line.equals("import dev.tradingsystem.proto.Approval;"));
  }
}
