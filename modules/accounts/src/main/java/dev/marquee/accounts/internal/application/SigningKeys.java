package dev.marquee.accounts.internal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The access-token signing keys: every RSA key in the signing keystore (security.xml's {@code
 * jwtSigningKeyStore}), each published in the JWKS under the key id Liberty's JwtBuilder writes
 * into a token's header (base64url of the SHA-256 of the public key's X.509 encoding). The keystore
 * is read on every call, so the JWKS always shows the file the server runs with.
 */
@ApplicationScoped
public class SigningKeys {
  /** One public key of the JWKS. */
  public record SigningKey(String alias, String kid, RSAPublicKey key, boolean current) {}

  @Inject
  @ConfigProperty(name = "jwt.signing.keystore.location")
  Optional<String> location;

  @Inject
  @ConfigProperty(name = "jwt.signing.keystore.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "jwt.signing.key.alias", defaultValue = "signing-1")
  String currentAlias;

  @Inject
  @ConfigProperty(name = "keystore.location")
  Optional<String> tlsLocation;

  @Inject
  @ConfigProperty(name = "keystore.password")
  Optional<String> tlsPassword;

  /** Every RSA key of the signing keystore, sorted by alias. */
  public List<SigningKey> all() throws IOException {
    KeyStore store = load(location, password, "JWT_SIGNING_KEYSTORE_LOCATION");
    try {
      List<String> aliases = new ArrayList<>(Collections.list(store.aliases()));
      Collections.sort(aliases);
      List<SigningKey> keys = new ArrayList<>();
      for (String alias : aliases) {
        Certificate certificate = store.getCertificate(alias);
        if (certificate != null && certificate.getPublicKey() instanceof RSAPublicKey rsa) {
          keys.add(new SigningKey(alias, keyId(rsa), rsa, alias.equals(currentAlias)));
        }
      }
      return keys;
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot read the signing keystore: " + e.getMessage(), e);
    }
  }

  /**
   * Why the signing configuration cannot work, or empty: the current alias must hold a private key,
   * and that key must not be the TLS key.
   */
  public Optional<String> problem() {
    try {
      KeyStore store = load(location, password, "JWT_SIGNING_KEYSTORE_LOCATION");
      if (!store.isKeyEntry(currentAlias)) {
        return Optional.of(
            "JWT_SIGNING_KEY_ALIAS "
                + currentAlias
                + " is not a private key in the signing keystore "
                + location.orElse("")
                + " (aliases: "
                + Collections.list(store.aliases())
                + ")");
      }
      PublicKey signing = store.getCertificate(currentAlias).getPublicKey();
      for (PublicKey tls : tlsKeys()) {
        if (Arrays.equals(tls.getEncoded(), signing.getEncoded())) {
          return Optional.of(
              "the signing key "
                  + currentAlias
                  + " is also the TLS key (KEYSTORE_LOCATION): give token signing its own key");
        }
      }
      return Optional.empty();
    } catch (IOException | GeneralSecurityException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The key id Liberty's JwtBuilder puts in the header of tokens signed with {@code key}. */
  public static String keyId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** A key's JWK members (RFC 7517/7518): modulus and exponent, unsigned big-endian base64url. */
  public static String unsignedBase64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private List<PublicKey> tlsKeys() {
    List<PublicKey> keys = new ArrayList<>();
    try {
      KeyStore tls = load(tlsLocation, tlsPassword, "KEYSTORE_LOCATION");
      for (String alias : Collections.list(tls.aliases())) {
        Certificate certificate = tls.getCertificate(alias);
        if (certificate != null) {
          keys.add(certificate.getPublicKey());
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      // No readable TLS keystore (Liberty makes one on first start): nothing to compare with.
    }
    return keys;
  }

  private static KeyStore load(Optional<String> file, Optional<String> secret, String variable)
      throws IOException {
    String path = file.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    if (path == null) {
      throw new IOException(variable + " is not set");
    }
    Path keystore = Path.of(path);
    if (!Files.isRegularFile(keystore)) {
      throw new IOException(
          variable
              + " names "
              + keystore
              + ", which does not exist; make one with keytool (README: Signing key rotation)");
    }
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, secret.orElse("").toCharArray());
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "Cannot open " + keystore + " (" + variable + "): " + e.getMessage(), e);
    }
  }
}
