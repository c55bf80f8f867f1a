package dev.marquee.accounts.api;

/**
 * How well a device protects content keys. Software decryption (browsers, ClearKey: Widevine L3
 * class) gets keys for at most 480p; hardware-backed decryption may get every rung.
 */
public enum SecurityLevel {
  SOFTWARE,
  HARDWARE
}
