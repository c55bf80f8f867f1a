package dev.marquee.platform.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

class AuthenticationRequiredTest {
  @RolesAllowed("viewer")
  static class ViewersOnly {
    public void watch() {}

    @PermitAll
    public void browse() {}
  }

  static class Mixed {
    @RolesAllowed("admin")
    public void delete() {}

    public void read() {}
  }

  /** What CDI hands JAX-RS: a generated subclass whose methods carry no annotations. */
  static class ViewersOnlyProxy extends ViewersOnly {
    @Override
    public void watch() {}

    @Override
    public void browse() {}
  }

  @Test
  void aRoleOnTheMethodOrItsClassNeedsACaller() throws Exception {
    assertThat(needs(ViewersOnly.class, "watch")).isTrue();
    assertThat(needs(Mixed.class, "delete")).isTrue();
  }

  @Test
  void permitAllOrNoRoleAtAllNeedsNone() throws Exception {
    assertThat(needs(ViewersOnly.class, "browse")).isFalse();
    assertThat(needs(Mixed.class, "read")).isFalse();
  }

  @Test
  void theAnnotationsAreFoundThroughAGeneratedSubclass() throws Exception {
    assertThat(needs(ViewersOnlyProxy.class, "watch")).isTrue();
    assertThat(needs(ViewersOnlyProxy.class, "browse")).isFalse();
  }

  private static boolean needs(Class<?> type, String method) throws Exception {
    return AuthenticationRequired.needsCaller(type, type.getMethod(method));
  }
}
