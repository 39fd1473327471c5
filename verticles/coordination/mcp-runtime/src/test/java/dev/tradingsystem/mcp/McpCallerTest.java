package dev.tradingsystem.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.mcp.auth.McpCaller;
import dev.tradingsystem.mcp.auth.McpRole;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class McpCallerTest {

  @ParameterizedTest(name = "roles {0}, verified={1}: view={2} operate={3}")
  @CsvSource(delimiter = '|', textBlock = """
      ''              | false | false | false
      viewer          | false | true  | false
      viewer          | true  | true  | false
      operator        | true  | true  | true
      operator        | false | false | false
      viewer operator | true  | true  | true
      """)
  void whoMayDoWhat(String roles, boolean authenticated, boolean view, boolean operate) {
    Set<McpRole> held = EnumSet.noneOf(McpRole.class);
    for (String role : roles.split(" ")) {
      McpRole.fromClaim(role).ifPresent(held::add);
    }
    McpCaller caller = new McpCaller("someone", held, authenticated);

    assertThat(caller.canView()).isEqualTo(view);
    assertThat(caller.canOperate()).isEqualTo(operate);
    assertThat(caller.has(McpRole.OPERATOR)).isEqualTo(operate);
  }

  @Test
  void aContextWithoutACallerHoldsNobody() {
    assertThat(McpCaller.from(McpTransportContext.EMPTY)).isEqualTo(McpCaller.nobody());
    McpCaller viewer = McpCaller.anonymousViewer();
    assertThat(McpCaller.from(McpTransportContext.create(Map.of(McpCaller.CONTEXT_KEY, viewer)))).isSameAs(viewer);
  }

  @Test
  void roleClaimsAreCaseInsensitiveAndUnknownOnesIgnored() {
    assertThat(McpRole.fromClaim(" Operator ")).contains(McpRole.OPERATOR);
    assertThat(McpRole.fromClaim("admin")).isEmpty();
    assertThat(McpRole.fromClaim(null)).isEmpty();
  }
}
