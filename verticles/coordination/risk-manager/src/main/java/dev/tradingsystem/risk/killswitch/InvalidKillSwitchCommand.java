package dev.tradingsystem.risk.killswitch;

/** A kill-switch command that cannot be obeyed as sent; the message says which field is wrong. */
public final class InvalidKillSwitchCommand extends IllegalArgumentException {

  public InvalidKillSwitchCommand(String message) {
    super(message);
  }
}
