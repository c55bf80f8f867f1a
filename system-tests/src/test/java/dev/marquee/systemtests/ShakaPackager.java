package dev.marquee.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Google's shaka-packager (from npm) as an independent reader of Marquee's CMAF output. */
final class ShakaPackager {
  private ShakaPackager() {}

  static Path binary() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").contains("aarch64") ? "arm64" : "x64";
    String name = (os.contains("mac") ? "packager-osx-" : "packager-linux-") + arch;
    Path binary =
        Path.of(
            System.getProperty("marquee.shaka.dir", "target/npm/node_modules/shaka-packager/bin"),
            name);
    if (!Files.isExecutable(binary)) {
      throw new AssertionError(
          "shaka-packager is missing at "
              + binary
              + ": the build installs it with npm (install Node.js and npm).");
    }
    return binary;
  }

  /**
   * Repackages one stream of {@code input} into {@code output}; returns what it printed on failure.
   */
  static void repackage(Path input, String stream, Path output)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                binary().toString(), "in=" + input + ",stream=" + stream + ",output=" + output)
            .redirectErrorStream(true)
            .start();
    String printed = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("shaka-packager rejected " + input + ":\n" + printed);
    }
  }

  /**
   * Decrypts one Common Encryption stream of {@code input} (cenc or cbcs) with a raw key into a
   * clear {@code output}; fails with shaka-packager's words when it cannot.
   */
  static void decrypt(Path input, String stream, Path output, String keyIdUuid, String keyHex)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                binary().toString(),
                "in=" + input + ",stream=" + stream + ",output=" + output,
                "--enable_raw_key_decryption",
                "--keys",
                "key_id=" + keyIdUuid.replace("-", "") + ":key=" + keyHex)
            .redirectErrorStream(true)
            .start();
    String printed = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("shaka-packager could not decrypt " + input + ":\n" + printed);
    }
  }
}
