package dev.marquee.playback.internal.domain;

import dev.marquee.platform.api.ProblemException;

/**
 * A licence (or playback) refusal with the rule that refused it as its problem type, e.g. {@code
 * not-entitled}, {@code region-blocked} or {@code concurrent-streams}.
 */
public class LicenceDenied extends ProblemException {
  private static final long serialVersionUID = 1L;

  public LicenceDenied(int status, String rule, String detail) {
    super(status, rule, "Licence denied", detail);
  }

  public LicenceDenied(String rule, String detail) {
    this(403, rule, detail);
  }

  public String rule() {
    return type();
  }
}
