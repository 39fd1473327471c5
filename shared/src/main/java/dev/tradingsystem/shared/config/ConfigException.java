package dev.tradingsystem.shared.config;

/** Bad configuration: always names the offending key so the operator can fix it. */
public final class ConfigException extends RuntimeException {

  private final String key;

  public ConfigException(String key, String problem) {
    super("config '" + key + "': " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
