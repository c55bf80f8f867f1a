package dev.marquee.accounts.internal.rest;

import dev.marquee.platform.api.AccessToken;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The caller of a {@code TokenIdentity} operation: the verified token's account and roles. */
record TokenSecurityContext(AccessToken token, boolean secure) implements SecurityContext {
  @Override
  public Principal getUserPrincipal() {
    return token;
  }

  @Override
  public boolean isUserInRole(String role) {
    return token.roles().contains(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "Bearer";
  }
}
