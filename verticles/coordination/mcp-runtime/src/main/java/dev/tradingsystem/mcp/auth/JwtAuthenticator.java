package dev.tradingsystem.mcp.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Bearer tokens signed with HS256; roles in the {@value #ROLES_CLAIM} claim ({@code viewer},
 * {@code operator}). A request without an {@code Authorization} header is an anonymous viewer when
 * that is enabled, else refused. A request with a bad token is always refused, even when anonymous
 * viewing is on: a client that meant to authenticate should learn its token is wrong, not silently
 * lose its operator rights.
 */
public final class JwtAuthenticator implements McpAuthenticator {

  public static final String ROLES_CLAIM = "roles";
  private static final String ALGORITHM = "HS256";
  private static final String BEARER = "bearer ";

  private final JWTAuth jwt;
  private final boolean anonymousViewer;
  private final String issuer;

  private JwtAuthenticator(JWTAuth jwt, boolean anonymousViewer, String issuer) {
    this.jwt = jwt;
    this.anonymousViewer = anonymousViewer;
    this.issuer = issuer;
  }

  /**
   * @param secret          the shared HS256 key
   * @param issuer          required {@code iss}, or null for any
   * @param anonymousViewer whether requests without a token are viewers
   */
  public static JwtAuthenticator create(Vertx vertx, String secret, String issuer, boolean anonymousViewer) {
    JWTOptions options = new JWTOptions();
    if (issuer != null) {
      options.setIssuer(issuer);
    }
    JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret))
        .setJWTOptions(options));
    return new JwtAuthenticator(jwt, anonymousViewer, issuer);
  }

  @Override
  public Future<McpCaller> authenticate(HttpServerRequest request) {
    return authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
  }

  /** The caller an {@code Authorization} header value (or its absence, null) stands for. */
  public Future<McpCaller> authenticate(String header) {
    if (header == null || header.isBlank()) {
      return anonymousViewer
          ? Future.succeededFuture(McpCaller.anonymousViewer())
          : Future.failedFuture(new McpAuthenticationException(null, "a bearer token is required"));
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || header.substring(BEARER.length()).isBlank()) {
      return Future.failedFuture(new McpAuthenticationException("invalid_request",
          "the Authorization header must be 'Bearer <token>'"));
    }
    String token = header.substring(BEARER.length()).trim();
    return jwt.authenticate(new TokenCredentials(token))
        .recover(failure -> Future.failedFuture(
            new McpAuthenticationException("invalid_token", "token refused: " + failure.getMessage())))
        .map(JwtAuthenticator::caller);
  }

  /**
   * Signs a token for {@code subject} with the given roles, valid for {@code ttl}. For operators'
   * tooling and tests; production tokens may come from any HS256 issuer sharing the key.
   */
  public String issue(String subject, Set<McpRole> roles, Duration ttl) {
    JsonArray claim = new JsonArray();
    roles.stream().map(McpRole::claim).sorted().forEach(claim::add);
    JWTOptions options = new JWTOptions().setAlgorithm(ALGORITHM).setSubject(subject)
        .setExpiresInSeconds((int) Math.max(1, ttl.toSeconds()));
    if (issuer != null) {
      options.setIssuer(issuer);
    }
    return jwt.generateToken(new JsonObject().put(ROLES_CLAIM, claim), options);
  }

  private static McpCaller caller(User user) {
    JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
    Set<McpRole> roles = EnumSet.noneOf(McpRole.class);
    Object value = claims.getValue(ROLES_CLAIM);
    if (value instanceof JsonArray array) {
      for (Object role : array) {
        McpRole.fromClaim(String.valueOf(role)).ifPresent(roles::add);
      }
    } else if (value instanceof String text) {
      // Some issuers write a space-separated string (the OAuth "scope" style).
      for (String role : text.split("[ ,]+")) {
        McpRole.fromClaim(role.toLowerCase(Locale.ROOT)).ifPresent(roles::add);
      }
    }
    String subject = claims.getString("sub");
    return new McpCaller(subject == null || subject.isBlank() ? "unnamed" : subject, roles, true);
  }
}
