package dev.marquee.drm.internal.domain;

import dev.marquee.platform.api.ProblemException;

/** The key-encryption keys are missing or wrong: an operator has to fix the configuration. */
public class KekUnavailable extends ProblemException {
  private static final long serialVersionUID = 1L;

  public KekUnavailable(String detail) {
    super(503, "kek-unavailable", "Key-encryption key unavailable", detail);
  }
}
