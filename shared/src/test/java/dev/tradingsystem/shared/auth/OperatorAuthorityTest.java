package dev.tradingsystem.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
class OperatorAuthorityTest {

  private static final String KEY = "operator-test-key-0123456789abcdef0123";
  private static final String OTHER_KEY = "another-key-entirely-0123456789abcdef01";

  @Test
  void anOperatorTokenNamesItsSubject(Vertx vertx, VertxTestContext ctx) {
    OperatorAuthority authority = OperatorAuthority.create(vertx, KEY, "desk");
    String token = authority.issue("alice", Duration.ofMinutes(5), "viewer", "operator");
    authority.verifyOperator("Bearer " + token).onComplete(ctx.succeeding(subject -> ctx.verify(() -> {
      assertThat(subject).isEqualTo("alice");
      ctx.completeNow();
    })));
  }

  @ParameterizedTest(name = "{0} -> refused: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      viewer-only   | operator role
      other-key     | token refused
      other-issuer  | token refused
      blank         | required
      garbage       | token refused
      """)
  void anythingButAValidOperatorTokenIsRefused(String token, String why, Vertx vertx, VertxTestContext ctx) {
    OperatorAuthority authority = OperatorAuthority.create(vertx, KEY, "desk");
    String presented = switch (token) {
      case "viewer-only" -> authority.issue("bob", Duration.ofMinutes(5), "viewer");
      case "other-key" -> OperatorAuthority.create(vertx, OTHER_KEY, "desk").issue("eve", Duration.ofMinutes(5), "operator");
      case "other-issuer" -> OperatorAuthority.create(vertx, KEY, "elsewhere").issue("eve", Duration.ofMinutes(5), "operator");
      case "blank" -> " ";
      default -> "not.a.jwt";
    };
    authority.verifyOperator(presented).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e).isInstanceOf(OperatorAuthException.class).hasMessageContaining(why);
      ctx.completeNow();
    })));
  }

  @Test
  void withoutAKeyNobodyIsAnOperator(Vertx vertx, VertxTestContext ctx) {
    OperatorAuthority authority = OperatorAuthority.create(vertx, null, null);
    assertThat(authority.configured()).isFalse();
    authority.verifyOperator("anything").onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e).hasMessageContaining("auth.jwtSecret");
      ctx.completeNow();
    })));
  }
}
