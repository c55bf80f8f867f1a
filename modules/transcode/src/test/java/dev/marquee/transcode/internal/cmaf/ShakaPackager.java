package dev.marquee.transcode.internal.cmaf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Google's shaka-packager 3.4.2 (from npm, installed by this module's build) as the independent
 * peer for Marquee's Common Encryption: it decrypts what we encrypt, and encrypts what we write
 * clear so that its subsample maps can be compared with ours.
 */
final class ShakaPackager {
  private ShakaPackager() {}

  /** What one run printed and how it ended. */
  record Run(int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

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
              + ": this module's build installs it from npm in generate-test-resources"
              + " (install Node.js and npm, then run the build again).");
    }
    return binary;
  }

  /** Decrypts one stream of {@code input} into {@code output} with a raw key. */
  static Run decrypt(Path input, String stream, Path output, byte[] keyId, byte[] key)
      throws IOException, InterruptedException {
    return run(
        "in=" + input + ",stream=" + stream + ",output=" + output,
        "--enable_raw_key_decryption",
        "--keys",
        "key_id=" + hex(keyId) + ":key=" + hex(key));
  }

  /**
   * Encrypts one stream of {@code input} into {@code output} from the first sample on; with a
   * random IV when {@code iv} is null.
   */
  static Run encrypt(
      Path input,
      String stream,
      Path output,
      Protection.Scheme scheme,
      byte[] keyId,
      byte[] key,
      byte[] iv)
      throws IOException, InterruptedException {
    return run(
        "in=" + input + ",stream=" + stream + ",output=" + output,
        "--enable_raw_key_encryption",
        "--protection_scheme",
        scheme.fourCc(),
        "--clear_lead",
        "0",
        "--keys",
        "label=:key_id=" + hex(keyId) + ":key=" + hex(key) + (iv == null ? "" : ":iv=" + hex(iv)));
  }

  private static Run run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("shaka-packager did not finish: " + command);
    }
    return new Run(process.exitValue(), printed);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
