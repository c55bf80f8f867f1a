package dev.marquee.accounts.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.accounts.internal.rest.BearerCallerFilter.Access;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerCallerFilterTest {
  @TokenIdentity
  @RolesAllowed("viewer")
  static class Marked {
    public void classRule() {}

    @RolesAllowed({"admin", "operator"})
    public void ownRule() {}

    @PermitAll
    public void anyone() {}

    @DenyAll
    public void nobody() {}
  }

  /** What CDI hands JAX-RS: a generated subclass whose methods carry no annotations. */
  static class Proxy extends Marked {
    @Override
    public void ownRule() {}
  }

  @RolesAllowed("viewer")
  static class Unmarked {
    public void read() {}

    @TokenIdentity
    public void hot() {}
  }

  private static Access access(Class<?> type, String method) throws Exception {
    return Access.of(type, type.getMethod(method));
  }

  @Test
  void aMarkedOperationChecksItsOwnRuleBeforeItsClasssAgainstTheTokensRoles() throws Exception {
    assertThat(access(Marked.class, "classRule").admits(Set.of("viewer"))).isTrue();
    assertThat(access(Marked.class, "classRule").admits(Set.of("creator"))).isFalse();
    assertThat(access(Marked.class, "ownRule").admits(Set.of("viewer"))).isFalse();
    assertThat(access(Marked.class, "ownRule").admits(Set.of("viewer", "operator"))).isTrue();
    assertThat(access(Marked.class, "anyone").admits(Set.of())).isTrue();
    assertThat(access(Marked.class, "nobody").admits(Set.of("admin", "viewer"))).isFalse();
  }

  @Test
  void theRulesAreFoundThroughAGeneratedSubclass() throws Exception {
    Access own = access(Proxy.class, "ownRule");
    assertThat(own.tokenOnly()).isTrue();
    assertThat(own.admits(Set.of("viewer"))).isFalse();
    assertThat(own.admits(Set.of("admin"))).isTrue();
  }

  @Test
  void anOperationNotMarkedGetsTheContainerLogin() throws Exception {
    assertThat(access(Unmarked.class, "read")).isEqualTo(Access.CONTAINER);
    Access hot = access(Unmarked.class, "hot");
    assertThat(hot.tokenOnly()).isTrue();
    assertThat(hot.admits(Set.of("creator"))).isFalse();
    assertThat(hot.admits(Set.of("viewer"))).isTrue();
  }
}
