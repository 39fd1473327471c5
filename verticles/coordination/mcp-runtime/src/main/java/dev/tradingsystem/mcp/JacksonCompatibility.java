package dev.tradingsystem.mcp;

/**
 * Fails fast, with the fix in the message, when the classpath holds a {@code jackson-annotations}
 * older than 2.20: the SDK's Jackson 3 mapper needs annotations that version introduced, and the
 * Vert.x stack BOM pins 2.18.2. Without this check the failure is a {@link NoClassDefFoundError}
 * on the first MCP request.
 */
final class JacksonCompatibility {

  /** An annotation Jackson 3's introspector loads eagerly; present from jackson-annotations 2.20. */
  static final String PROBE = "com.fasterxml.jackson.annotation.JsonSerializeAs";

  private JacksonCompatibility() {
  }

  static void require() {
    try {
      Class.forName(PROBE, false, JacksonCompatibility.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      Package annotations = com.fasterxml.jackson.annotation.JsonProperty.class.getPackage();
      throw new IllegalStateException("MCP needs com.fasterxml.jackson.core:jackson-annotations 2.21 or newer, "
          + "found " + annotations.getImplementationVersion() + ": manage it in the pom of the module that "
          + "uses mcp-runtime (the Vert.x BOM pins an older one)", e);
    }
  }
}
