package dev.marquee.accounts.api;

/** The kind of device a viewer watches on. */
public enum DeviceType {
  WEB,
  TV,
  MOBILE,
  TABLET,
  DESKTOP,
  CONSOLE
}
