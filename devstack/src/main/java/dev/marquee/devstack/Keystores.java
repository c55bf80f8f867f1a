package dev.marquee.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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

  /**
   * Makes the TLS keystore and the signing keystore if missing, and returns the alias that signs
   * access tokens (kept in {@code jwt-signing-alias}, which an operator changes during a rotation).
   * A home from before the two were separated has one keystore, {@code jwt-signing.p12}, whose key
   * {@code default} served both: it becomes the TLS keystore, and a fresh signing key is made.
   */
  static String ensureBoth(SecretFiles secrets, String keystorePassword, String signingPassword)
      throws IOException {
    Path signing = secrets.resolve(SIGNING);
    if (!Files.exists(secrets.resolve(TLS)) && Files.exists(signing)) {
      Files.move(signing, secrets.resolve(TLS));
    }
    ensureTls(secrets, keystorePassword);
    Path aliasFile = secrets.resolve("jwt-signing-alias");
    if (!Files.exists(signing)) {
      addSigningKey(secrets.folder(), signingPassword, FIRST_SIGNING_ALIAS);
      secrets.write("jwt-signing-alias", FIRST_SIGNING_ALIAS.getBytes(StandardCharsets.UTF_8));
    }
    return Files.exists(aliasFile)
        ? Files.readString(aliasFile, StandardCharsets.UTF_8).strip()
        : FIRST_SIGNING_ALIAS;
  }

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

  /**
   * The TLS keystore's certificate and key as PEM, the form HAProxy reads ({@code crt}): the
   * certificate chain, then the private key (PKCS#8). Written as a secret, readable by the owner
   * only.
   */
  static Path tlsPem(SecretFiles secrets, String password, String name) throws IOException {
    try (InputStream in = Files.newInputStream(secrets.resolve(TLS))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      Key key = store.getKey("default", password.toCharArray());
      StringBuilder pem = new StringBuilder();
      for (Certificate c : store.getCertificateChain("default")) {
        pem.append(pem("CERTIFICATE", c.getEncoded()));
      }
      pem.append(pem("PRIVATE KEY", key.getEncoded()));
      return secrets.write(name, pem.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot read " + secrets.resolve(TLS) + ": " + e.getMessage(), e);
    }
  }

  /** The TLS keystore's certificate alone, as PEM: what clients of a local run trust. */
  static Path certificatePem(SecretFiles secrets, String password, Path target) throws IOException {
    try (InputStream in = Files.newInputStream(secrets.resolve(TLS))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      Files.createDirectories(target.getParent());
      Files.writeString(target, pem("CERTIFICATE", store.getCertificate("default").getEncoded()));
      return target;
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot read " + secrets.resolve(TLS) + ": " + e.getMessage(), e);
    }
  }

  /** A TLS context that trusts the certificate in this PEM file (and nothing else). */
  public static SSLContext trusting(Path certificatePem) throws IOException {
    try (InputStream in = Files.newInputStream(certificatePem)) {
      X509Certificate certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("marquee", certificate);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot trust " + certificatePem + ": " + e.getMessage(), e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
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
