package dev.tradingsystem.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.mcp.auth.JwtAuthenticator;
import dev.tradingsystem.mcp.auth.McpAuthenticationException;
import dev.tradingsystem.mcp.auth.McpCaller;
import dev.tradingsystem.mcp.auth.McpRole;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class JwtAuthenticatorTest {

  private static final String KEY = "jwt-test-key-0123456789abcdef-0123456789";

  /** A token from an outside issuer sharing the key, with claims of its choosing. */
  private static String foreignToken(Vertx vertx, JsonObject claims, JWTOptions options) {
    return JWTAuth.create(vertx, new JWTAuthOptions()
            .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(KEY)))
        .generateToken(claims, options);
  }

  @Test
  void anIssuedTokenCarriesItsSubjectAndRoles(Vertx vertx, VertxTestContext ctx) {
    JwtAuthenticator auth = JwtAuthenticator.create(vertx, KEY, "ops", false);
    String token = auth.issue("alice", Set.of(McpRole.OPERATOR, McpRole.VIEWER), Duration.ofMinutes(1));

    auth.authenticate("Bearer " + token).onComplete(ctx.succeeding(caller -> ctx.verify(() -> {
      assertThat(caller).isEqualTo(new McpCaller("alice", Set.of(McpRole.VIEWER, McpRole.OPERATOR), true));
      ctx.completeNow();
    })));
  }

  @Test
  void rolesMayComeAsASpaceSeparatedStringAndUnknownRolesAreIgnored(Vertx vertx, VertxTestContext ctx) {
    String token = foreignToken(vertx, new JsonObject().put("roles", "operator auditor"),
        new JWTOptions().setSubject("svc"));

    JwtAuthenticator.create(vertx, KEY, null, false).authenticate("bearer " + token)
        .onComplete(ctx.succeeding(caller -> ctx.verify(() -> {
          assertThat(caller.roles()).containsExactly(McpRole.OPERATOR);
          assertThat(caller.canOperate()).isTrue();
          ctx.completeNow();
        })));
  }

  @Test
  void anExpiredTokenIsRefused(Vertx vertx, VertxTestContext ctx) {
    long longAgo = System.currentTimeMillis() / 1000 - 3600;
    String token = foreignToken(vertx, new JsonObject().put("roles", new JsonArray().add("operator"))
        .put("iat", longAgo).put("exp", longAgo + 60), new JWTOptions().setSubject("alice").setNoTimestamp(true));

    JwtAuthenticator.create(vertx, KEY, null, true).authenticate("Bearer " + token)
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOfSatisfying(McpAuthenticationException.class,
              e -> assertThat(e.error()).isEqualTo("invalid_token"));
          ctx.completeNow();
        })));
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused(Vertx vertx, VertxTestContext ctx) {
    String token = foreignToken(vertx, new JsonObject().put("roles", new JsonArray().add("operator")),
        new JWTOptions().setIssuer("somebody-else").setSubject("alice"));

    JwtAuthenticator.create(vertx, KEY, "ops", true).authenticate("Bearer " + token)
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOf(McpAuthenticationException.class);
          ctx.completeNow();
        })));
  }

  @Test
  void noHeaderIsAnAnonymousViewerOnlyWhenThatIsEnabled(Vertx vertx, VertxTestContext ctx) {
    JwtAuthenticator.create(vertx, KEY, null, true).authenticate((String) null)
        .compose(caller -> {
          ctx.verify(() -> assertThat(caller).isEqualTo(McpCaller.anonymousViewer()));
          return JwtAuthenticator.create(vertx, KEY, null, false).authenticate((String) null);
        })
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOfSatisfying(McpAuthenticationException.class,
              e -> assertThat(e.error()).isNull());
          ctx.completeNow();
        })));
  }
}
