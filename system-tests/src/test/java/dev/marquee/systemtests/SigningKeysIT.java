package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Access tokens are signed with a key of their own, published in a public JWKS, never the key of
 * the HTTPS listener; the secrets on disk are owner-only; a rejected token never reaches a log.
 */
@ExtendWith(RunningMarquee.class)
class SigningKeysIT {
  private static final String PASSWORD = "a very long passphrase";
  private final Api api = RunningMarquee.api();

  @Test
  void jwksIsPublicAndListsTheKeyThatSignedTheTokenAndNotTheTlsKey() throws Exception {
    String token = api.signIn(api.registerViewer(PASSWORD), PASSWORD).getString("access_token");
    String kid = header(token).getString("kid");

    Api.Reply jwks = api.get("/api/oauth/jwks");
    assertThat(jwks.status()).isEqualTo(200);
    List<JsonObject> keys = jwks.json().getJsonArray("keys").getValuesAs(JsonObject.class);
    assertThat(keys).hasSize(1);
    JsonObject signing = keys.get(0);
    assertThat(signing.getString("kid")).isEqualTo(kid);
    assertThat(signing.getString("kty")).isEqualTo("RSA");
    assertThat(signing.getString("use")).isEqualTo("sig");
    assertThat(signing.getString("alg")).isEqualTo("RS256");

    // The key the HTTPS port presents is another key altogether.
    RSAPublicKey tls = (RSAPublicKey) servedCertificate().getPublicKey();
    assertThat(modulus(signing)).isNotEqualTo(tls.getModulus());

    // On disk: the JWKS key is the signing keystore's, the served one the TLS keystore's.
    var liberty = RunningMarquee.stack().liberty();
    RSAPublicKey onDisk =
        (RSAPublicKey)
            load(
                    liberty.environment("JWT_SIGNING_KEYSTORE_LOCATION"),
                    liberty.environment("JWT_SIGNING_KEYSTORE_PASSWORD"))
                .getCertificate(liberty.environment("JWT_SIGNING_KEY_ALIAS"))
                .getPublicKey();
    assertThat(onDisk.getModulus()).isEqualTo(modulus(signing));
    KeyStore tlsStore =
        load(liberty.environment("KEYSTORE_LOCATION"), liberty.environment("KEYSTORE_PASSWORD"));
    assertThat(tlsStore.getCertificate("default").getPublicKey()).isEqualTo(tls);
  }

  @Test
  void aTokenSignedWithTheTlsKeyIsRefused() throws Exception {
    String token = api.signIn(api.registerViewer(PASSWORD), PASSWORD).getString("access_token");
    var liberty = RunningMarquee.stack().liberty();
    KeyStore tlsStore =
        load(liberty.environment("KEYSTORE_LOCATION"), liberty.environment("KEYSTORE_PASSWORD"));
    var tlsKey =
        (java.security.PrivateKey)
            tlsStore.getKey("default", liberty.environment("KEYSTORE_PASSWORD").toCharArray());
    // Same claims, same kid, signed with the key of the HTTPS listener: the old layout's key.
    String[] parts = token.split("\\.");
    var signer = java.security.Signature.getInstance("SHA256withRSA");
    signer.initSign(tlsKey);
    signer.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    String resigned =
        parts[0]
            + "."
            + parts[1]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    assertProblem(api.get("/api/accounts/me", resigned), 401, "unauthenticated");
    assertThat(api.get("/api/accounts/me", token).status()).isEqualTo(200);
  }

  @Test
  void secretsAreOwnerOnlyOnDisk() throws Exception {
    Path secrets = RunningMarquee.stack().home().resolve("secrets");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
        .isEqualTo("rwx------");
    List<Path> files;
    try (Stream<Path> list = Files.list(secrets)) {
      files = list.toList();
    }
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "jwt-signing.p12",
            "tls.p12",
            "admin-password",
            "origin-url-secret",
            "playback-token-secret");
    for (Path file : files) {
      assertThat(Files.isRegularFile(file)).as("%s is a plain file", file).isTrue();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as("permissions of %s", file)
          .isEqualTo("rw-------");
    }
  }

  @Test
  void rejectedTokensNeverReachAnyLogTraceOrIncidentFile() throws Exception {
    Path messages = RunningMarquee.stack().liberty().logFile();
    long before = Files.size(messages);
    List<String> signatures = sendRejectedTokens();
    // Every file under logs/: messages, console, trace and FFDC incidents alike (read for 3 s).
    assertNoneIn(signatures, SigningKeysIT::isLogFile);
    // Not even a line about them: a refused token costs no disk, whatever a client sends.
    String after =
        new String(Files.readAllBytes(messages), StandardCharsets.ISO_8859_1)
            .substring((int) before);
    assertThat(after)
        .as("messages.log lines written while three tokens were refused")
        .doesNotContain("CWWKS1652A")
        .doesNotContain("SRVE8094W")
        .doesNotContain("SRVE8115W")
        .doesNotContain("/api/accounts/me");
    try (Stream<Path> logs = Files.walk(serverFolder().resolve("logs"))) {
      assertThat(logs.map(Path::toString).filter(name -> name.contains("ffdc_")).toList())
          .as("FFDC incident files after %s rejected tokens", signatures.size())
          .allSatisfy(
              incident ->
                  assertThat(Files.readString(Path.of(incident), StandardCharsets.ISO_8859_1))
                      .doesNotContain("JsonWebSignature")
                      .doesNotContain("InvalidJwt"));
    }
  }

  private static boolean isLogFile(Path file) {
    return file.getParent() != null
        && (file.getParent().getFileName().toString().equals("logs")
            || file.getParent().getFileName().toString().equals("ffdc"));
  }

  private static Path serverFolder() {
    return RunningMarquee.stack().liberty().logFile().getParent().getParent();
  }

  @Test
  void expiredTamperedUnsignedAndWrongKeyTokensAreRefusedAndStayOutOfEveryLog() throws Exception {
    String genuine = api.signIn(api.registerViewer(PASSWORD), PASSWORD).getString("access_token");
    String[] parts = genuine.split("\\.");
    JsonObject claims = json(parts[1]);
    var liberty = RunningMarquee.stack().liberty();
    PrivateKey signingKey =
        (PrivateKey)
            load(
                    liberty.environment("JWT_SIGNING_KEYSTORE_LOCATION"),
                    liberty.environment("JWT_SIGNING_KEYSTORE_PASSWORD"))
                .getKey(
                    liberty.environment("JWT_SIGNING_KEY_ALIAS"),
                    liberty.environment("JWT_SIGNING_KEYSTORE_PASSWORD").toCharArray());
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey strangerKey = generator.generateKeyPair().getPrivate();
    long now = System.currentTimeMillis() / 1000;
    List<String> secrets = new ArrayList<>();

    // Signed by Marquee's own key, but an hour past its expiry.
    String marker = marker(secrets);
    String expired =
        sign(
            parts[0],
            with(with(with(claims, "marker", marker), "iat", now - 7200), "exp", now - 3600),
            signingKey,
            secrets);
    // Genuine signature over claims that were changed afterwards.
    marker = marker(secrets);
    String tampered =
        parts[0] + "." + encode(with(claims, "marker", marker).toString()) + "." + parts[2];
    secrets.add(parts[2]);
    // alg none, with something in the signature part all the same.
    marker = marker(secrets);
    String unsigned =
        encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "."
            + encode(with(claims, "marker", marker).toString())
            + "."
            + marker(secrets);
    // Marquee's key id, signed with a key Marquee never had.
    marker = marker(secrets);
    String wrongKey = sign(parts[0], with(claims, "marker", marker), strangerKey, secrets);

    for (String token : List.of(expired, tampered, unsigned, wrongKey)) {
      assertProblem(api.get("/api/accounts/me", token), 401, "unauthenticated");
      secrets.add(token.split("\\.")[1]);
    }
    assertThat(api.get("/api/accounts/me", genuine).status()).isEqualTo(200);
    assertNoneIn(secrets, SigningKeysIT::isLogFile);
  }

  private static String marker(List<String> secrets) {
    String marker = "marker" + UUID.randomUUID().toString().replace("-", "");
    secrets.add(marker);
    return marker;
  }

  private static JsonObject with(JsonObject claims, String name, Object value) {
    JsonObjectBuilder copy = Json.createObjectBuilder(claims);
    if (value instanceof Long number) {
      copy.add(name, number);
    } else {
      copy.add(name, String.valueOf(value));
    }
    return copy.build();
  }

  /** Signs header and claims with RS256 under {@code key}; the signature joins the secrets. */
  private static String sign(String header, JsonObject claims, PrivateKey key, List<String> secrets)
      throws Exception {
    String signed = header + "." + encode(claims.toString());
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update(signed.getBytes(StandardCharsets.US_ASCII));
    String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    secrets.add(signature);
    return signed + "." + signature;
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject json(String part) {
    String text = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** Sends three rejected tokens (each answered 401) and returns the signatures they carried. */
  private List<String> sendRejectedTokens() {
    String token = api.signIn(api.registerViewer(PASSWORD), PASSWORD).getString("access_token");
    String[] parts = token.split("\\.");
    byte[] random = new byte[256];
    new SecureRandom().nextBytes(random);
    String forgedSignature = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    // A forged signature on genuine claims.
    assertProblem(
        api.get("/api/accounts/me", parts[0] + "." + parts[1] + "." + forgedSignature),
        401,
        "unauthenticated");
    // Tampered claims under the genuine signature: that signature must not be logged either.
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String admin = claims.replace("\"groups\":[\"viewer\"]", "\"groups\":[\"admin\"]");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(admin.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertProblem(api.get("/api/admin/accounts", tampered), 401, "unauthenticated");
    // A token naming a key id nobody knows.
    String unknownKid =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"no-such-key\"}"
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + "."
            + forgedSignature;
    assertProblem(api.get("/api/accounts/me", unknownKid), 401, "unauthenticated");
    return List.of(forgedSignature, parts[2]);
  }

  /**
   * Fails if a file of the server's folder that {@code which} selects holds one of the {@code
   * signatures}. Logging is asynchronous: the files are read again for a few seconds.
   */
  private static void assertNoneIn(List<String> signatures, Predicate<Path> which)
      throws Exception {
    Path server = RunningMarquee.stack().home().resolve("liberty");
    // The scan must see the server's logs: the messages log with the server's start in it.
    assertThat(Files.readString(RunningMarquee.stack().liberty().logFile())).contains("CWWKF0011I");
    long deadline = System.nanoTime() + 3_000_000_000L;
    do {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(server)) {
        files = walk.filter(Files::isRegularFile).filter(which).toList();
      }
      assertThat(files).isNotEmpty();
      for (Path file : files) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String signature : signatures) {
          assertThat(text.contains(signature))
              .as("%s holds a rejected token's signature", file)
              .isFalse();
        }
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
  }

  static JsonObject header(String token) {
    String json =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
      return reader.readObject();
    }
  }

  static BigInteger modulus(JsonObject jwk) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n")));
  }

  static KeyStore load(String location, String password) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      return store;
    }
  }

  /** The certificate Liberty presents on its HTTPS port (trusted blindly: it is only read). */
  static X509Certificate servedCertificate() throws Exception {
    TrustManager readOnly =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {readOnly}, new SecureRandom());
    int port = Integer.parseInt(RunningMarquee.stack().liberty().environment("HTTPS_PORT"));
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }
}
