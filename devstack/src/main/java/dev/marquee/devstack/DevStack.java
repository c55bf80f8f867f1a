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
        demo = new DemoTitle(home, url, MarqueeStack.ADMIN_EMAIL, stack.adminPassword()).ensure();
      } catch (Exception e) {
        System.err.println("The demo title could not be ingested: " + e.getMessage());
      }
    }
    System.out.println(
        """

        ============================================================
         Marquee is up: %s
           API explorer   %s/openapi/ui/
           Health         %s/health
           Metrics        %s/metrics
           Admin          %s  /  %s
           (password kept in %s)
           Data           %s
         Try it:
           curl -H 'Content-Type: application/json' \\
             -d '{"email":"viewer@example.com","password":"correct horse battery"}' \\
             %s/api/accounts
           curl -d grant_type=password -d client_id=marquee-web \\
             -d username=viewer@example.com -d 'password=correct horse battery' \\
             %s/api/oauth/token
         Demo title:      %s
           (transcoding in the background; follow it as the admin at
            %s/api/transcode/titles/%s/jobs)
         Ctrl-C stops everything.
        ============================================================
        """
            .formatted(
                url,
                url,
                url,
                url,
                MarqueeStack.ADMIN_EMAIL,
                stack.adminPassword(),
                home.resolve("secrets/admin-password"),
                home,
                url,
                url));
    stopped.await();
  }

  private static int intEnv(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }
}
