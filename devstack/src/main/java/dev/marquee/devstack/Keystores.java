package dev.marquee.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The two PKCS12 keystores of a Marquee home, made with the JDK's {@code keytool} (the same
 * commands the README gives operators): the TLS keystore ({@code tls.p12}, alias {@code default},
 * Liberty's {@code defaultKeyStore}) and the access-token signing keystore ({@code
 * jwt-signing.p12}, one RSA key per alias; every key in it is published in the JWKS). keytool works
 * in a private temporary folder inside the secrets folder; the result replaces the keystore
 * atomically with owner-only permissions.
 */
public final class Keystores {
  public static final String TLS = "tls.p12";
  public static final String SIGNING = "jwt-signing.p12";
  public static final String FIRST_SIGNING_ALIAS = "signing-1";

  private Keystores() {}

  /** A self-signed TLS key for loopback (alias {@code default}), if the keystore is missing. */
  static void ensureTls(SecretFiles secrets, String password) throws IOException {
    if (Files.exists(secrets.resolve(TLS))) {
      return;
    }
    edit(
        secrets,
        TLS,
        "-genkeypair",
        "-alias",
        "default",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "3650",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-storepass",
        password);
  }

  /** Adds a new RSA signing key under {@code alias} (creating the keystore if missing). */
  public static void addSigningKey(Path secretsFolder, String password, String alias)
      throws IOException {
    edit(
        SecretFiles.in(secretsFolder),
        SIGNING,
        "-genkeypair",
        "-alias",
        alias,
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "3650",
        "-dname",
        "CN=Marquee access-token signer " + alias,
        "-storepass",
        password);
  }

  /** Removes the key under {@code alias} from the signing keystore (the end of a rotation). */
  public static void removeSigningKey(Path secretsFolder, String password, String alias)
      throws IOException {
    edit(
        SecretFiles.in(secretsFolder), SIGNING, "-delete", "-alias", alias, "-storepass", password);
  }

  /** The aliases in a PKCS12 keystore, sorted. */
  public static List<String> aliases(Path keystore, String password) throws IOException {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      List<String> aliases = new ArrayList<>(Collections.list(store.aliases()));
      Collections.sort(aliases);
      return aliases;
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot read " + keystore + ": " + e.getMessage(), e);
    }
  }

  /** Runs keytool on a private copy of {@code name}, then puts the result in place atomically. */
  private static void edit(SecretFiles secrets, String name, String... arguments)
      throws IOException {
    FileAttribute<?>[] privateFolder =
        SecretFiles.posix()
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(SecretFiles.OWNER_ONLY_FOLDER)
            }
            : new FileAttribute<?>[0];
    Path work = Files.createTempDirectory(secrets.folder(), ".keytool-", privateFolder);
    try {
      Path copy = work.resolve(name);
      if (Files.exists(secrets.resolve(name))) {
        Files.copy(secrets.resolve(name), copy);
      }
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
      command.addAll(List.of(arguments));
      command.addAll(List.of("-storetype", "PKCS12", "-keystore", copy.toString(), "-noprompt"));
      Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(keytool.getInputStream().readAllBytes());
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IOException("keytool " + arguments[0] + " on " + name + " failed: " + output);
      }
      secrets.write(name, Files.readAllBytes(copy));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while keytool ran", e);
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
