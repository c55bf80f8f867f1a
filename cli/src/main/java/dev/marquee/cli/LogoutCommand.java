package dev.marquee.cli;

import java.util.Map;
import picocli.CommandLine.Command;

/** {@code marquee logout}: revoke the refresh token (RFC 7009) and forget the sign-in. */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = "Sign out: the server revokes the sign-in and this computer forgets it.")
final class LogoutCommand extends MarqueeCommand {
  @Override
  int run(Terminal terminal) {
    MarqueeApi api = common.api();
    var stored = api.store().find(api.server());
    if (stored.isPresent() && stored.get().refreshToken() != null) {
      // Revoking an unknown or spent token is not an error (RFC 7009 section 2.2).
      api.postForm(
          "/api/oauth/revoke",
          Map.of(
              "client_id",
              MarqueeApi.CLIENT_ID,
              "token",
              stored.get().refreshToken(),
              "token_type_hint",
              "refresh_token"));
    }
    boolean removed = api.store().remove(api.server());
    terminal.result(
        Json.object().add("server", api.server()).add("loggedOut", removed).build(),
        removed ? "Logged out of " + api.server() + "." : "Not logged in to " + api.server() + ".");
    return ExitCode.OK;
  }
}
