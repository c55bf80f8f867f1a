package dev.marquee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Resident memory of the Liberty JVM, read from Linux's /proc. */
final class ServerFootprint {
  private static final String LIBERTY_LAUNCHER = "ws-server.jar";

  private ServerFootprint() {}

  /**
   * The JVM that runs Liberty. {@code bin/server run} is a shell script; depending on the Liberty
   * version it either execs java or starts it as a child, so look at the process and below it.
   */
  static ProcessHandle libertyJvm(long launcherPid) {
    ProcessHandle launcher =
        ProcessHandle.of(launcherPid)
            .orElseThrow(
                () -> new IllegalStateException("Liberty process " + launcherPid + " is gone"));
    if (isLibertyJvm(launcher)) {
      return launcher;
    }
    return launcher
        .descendants()
        .filter(ServerFootprint::isLibertyJvm)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No java process running " + LIBERTY_LAUNCHER + " under pid " + launcherPid));
  }

  /** VmRSS of the process in MiB. */
  static double residentMegabytes(ProcessHandle process) throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        // "VmRSS:	  123456 kB"
        long kib = Long.parseLong(line.substring(6).replace("kB", "").strip());
        return kib / 1024.0;
      }
    }
    throw new IllegalStateException("No VmRSS for pid " + process.pid());
  }

  /** The java executable of the process, to report the version that was measured. */
  static Optional<String> executable(ProcessHandle process) {
    return process.info().command();
  }

  private static boolean isLibertyJvm(ProcessHandle process) {
    // /proc/<pid>/cmdline has every argument (NUL-separated); ProcessHandle.Info may not.
    try {
      // ISO-8859-1 maps every byte, so an odd argument cannot make the read fail.
      String cmdline =
          new String(
              Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
              StandardCharsets.ISO_8859_1);
      return cmdline.contains(LIBERTY_LAUNCHER);
    } catch (IOException e) {
      return false; // exited meanwhile
    }
  }
}
