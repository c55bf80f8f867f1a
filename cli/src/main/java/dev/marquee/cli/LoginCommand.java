package dev.marquee.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.Command;

/** {@code marquee login}: sign in through a browser with a device code (RFC 8628). */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Sign in: open the address shown in a browser where you are signed in to Marquee and"
          + " confirm the code. The tokens are kept in $XDG_CONFIG_HOME/marquee (or"
          + " ~/.config/marquee), readable only by you."
    })
final class LoginCommand extends MarqueeCommand {
  @Override
  int run(Terminal terminal) throws Exception {
    MarqueeApi api = common.api();
    DeviceLogin login = new DeviceLogin(api);
    DeviceLogin.Codes codes = login.start("marquee command line on " + hostName());
    terminal.say(
        "To sign in, open "
            + codes.verificationUriComplete()
            + " and confirm the code "
            + codes.userCode()
            + " (valid for "
            + codes.expiresIn().toMinutes()
            + " minutes).");
    if (terminal.json()) {
      terminal.result(
          Json.object()
              .add("userCode", codes.userCode())
              .add("verificationUri", codes.verificationUri())
              .add("verificationUriComplete", codes.verificationUriComplete())
              .add("expiresIn", codes.expiresIn().toSeconds())
              .build(),
          "");
    }
    Credentials credentials = login.await(codes);
    api.store().save(credentials);
    String email =
        Json.parseObject(api.get("/api/accounts/me")).getString("email", "(unknown account)");
    terminal.result(
        Json.object()
            .add("server", api.server())
            .add("email", email)
            .add("loggedIn", true)
            .add("config", common.config().root().toString())
            .build(),
        "Logged in to " + api.server() + " as " + email + ".");
    return ExitCode.OK;
  }

  private static String hostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.length() > 40 ? name.substring(0, 40) : name;
    } catch (UnknownHostException e) {
      return "this computer";
    }
  }
}
