package dev.marquee.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mvn -Prun install}: runs Marquee on its embedded defaults until Ctrl-C. Settings come from
 * environment variables: MARQUEE_HOME, MARQUEE_HTTP_PORT, MARQUEE_DB_PORT, MARQUEE_S3_PORT.
 */
public final class DevStack {
  private DevStack() {}

  public static void main(String[] args) throws Exception {
    String homeSetting = System.getenv("MARQUEE_HOME");
    Path home =
        homeSetting == null || homeSetting.isBlank()
            ? Path.of(System.getProperty("user.home"), ".marquee")
            : Path.of(homeSetting);
    int httpPort = intEnv("MARQUEE_HTTP_PORT", 9080);
    MarqueeStack stack =
        MarqueeStack.builder()
            .home(home)
            .httpPort(httpPort)
            .databasePort(intEnv("MARQUEE_DB_PORT", 15432))
            .objectStorePort(intEnv("MARQUEE_S3_PORT", 19000))
            .inheritConsole(true)
            .build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping Marquee...");
                  try {
                    stack.close();
                  } catch (Exception e) {
                    System.err.println("Stop failed: " + e.getMessage());
                  }
                  stopped.countDown();
                }));
    System.out.println("Starting Marquee (data in " + home + ") ...");
    stack.start();
    String url = stack.baseUrl();
    String demo = null;
    if (!"false".equalsIgnoreCase(System.getenv("MARQUEE_DEMO"))) {
      try {
        DemoTitle title = new DemoTitle(home, url, MarqueeStack.ADMIN_EMAIL, stack.adminPassword());
        demo = title.ensure();
        title.entitleAdmin();
      } catch (Exception e) {
        System.err.println("The demo title could not be ingested: " + e.getMessage());
      }
    }
    System.out.println(banner(url, stack.adminPassword(), home, demo));
    stopped.await();
  }

  /** What a newcomer needs once Marquee is up. */
  static String banner(String url, String adminPassword, Path home, String demoTitle) {
    String demo =
        demoTitle == null
            ? " Demo title:     none (it is made on first start unless MARQUEE_DEMO=false)\n"
            : " Demo title:     "
                + demoTitle
                + " (transcoding in the background; follow it as the admin at\n"
                + "   "
                + url
                + "/console/jobs/)\n";
    return """

        ============================================================
         Marquee is up: %1$s
           Watch          %1$s/player/  (sign in as the admin below: it has a demo plan)
           Console        %1$s/console/  (admins: catalog; operators and admins: jobs)
           API explorer   %1$s/openapi/ui/
           Health         %1$s/health
           Metrics        %1$s/metrics
           Admin          %2$s  /  %3$s
           (password kept in %4$s)
           Data           %5$s
         Try it:
           curl -H 'Content-Type: application/json' \\
             -d '{"email":"viewer@example.com","password":"correct horse battery"}' \\
             %1$s/api/accounts
           curl -d grant_type=password -d client_id=marquee-web \\
             -d username=viewer@example.com -d 'password=correct horse battery' \\
             %1$s/api/oauth/token
        %6$s\
         Ctrl-C stops everything.
        ============================================================
        """
        .formatted(
            url,
            MarqueeStack.ADMIN_EMAIL,
            adminPassword,
            home.resolve("secrets/admin-password"),
            home,
            demo);
  }

  private static int intEnv(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }
}
