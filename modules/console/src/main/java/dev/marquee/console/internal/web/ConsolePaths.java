package dev.marquee.console.internal.web;

import dev.marquee.accounts.api.Role;
import java.util.Optional;

/**
 * Which role each console path needs: {@code /console/admin/} pages are for admins, {@code
 * /console/jobs/} pages for operators (and admins), every other page for anyone signed in to the
 * console; the sign-in page for anyone. Faces posts a form back to its page's own path, so the rule
 * for a page is also the rule for every action on it.
 */
final class ConsolePaths {
  static final String ROOT = "/console/";
  static final String SIGN_IN = "/console/sign-in.xhtml";

  private ConsolePaths() {}

  /** Empty: no role beyond being signed in to the console. */
  static Optional<Role> requiredRole(String path) {
    if (path.startsWith("/console/admin/")) {
      return Optional.of(Role.ADMIN);
    }
    if (path.startsWith("/console/jobs/")) {
      return Optional.of(Role.OPERATOR);
    }
    return Optional.empty();
  }

  static boolean isPublic(String path) {
    return path.equals(SIGN_IN);
  }

  static boolean allows(ConsoleUser user, Optional<Role> role) {
    if (!user.mayUseConsole()) {
      return false;
    }
    return role.map(r -> r == Role.ADMIN ? user.isAdmin() : user.isOperator()).orElse(true);
  }
}
