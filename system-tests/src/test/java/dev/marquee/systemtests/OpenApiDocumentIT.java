package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.systemtests.OpenApiOperations.Operation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document as a TV or mobile team reads it: a valid OAuth2 scheme whose scopes
 * are Marquee's roles, a success response for every operation (with the body's schema where there
 * is a body), the statuses the server really answers, and a document Liberty validates without an
 * error or warning.
 */
@ExtendWith(RunningMarquee.class)
class OpenApiDocumentIT {
  private static final Api API = RunningMarquee.api();
  private static final Set<String> ROLES = Set.of("viewer", "creator", "operator", "admin");

  /** Liberty's OpenAPI validation messages: errors, warnings, and "the document was produced". */
  static final String INVALID = "CWWKO1650E";

  static final String WARNED = "CWWKO1651W";
  static final String PRODUCED = "CWWKO1660I";

  private static JsonObject document;
  private static List<Operation> operations;

  @BeforeAll
  static void serveTheDocument() {
    Api.Reply reply = API.get("/openapi?format=JSON", Viewers.admin(API));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    document = reply.json();
    operations = OpenApiOperations.of(document);
  }

  @Test
  void theBearerSchemeIsOAuth2WithTheRolesAsScopes() {
    JsonObject scheme =
        document
            .getJsonObject("components")
            .getJsonObject("securitySchemes")
            .getJsonObject("bearer");
    assertThat(scheme.getString("type")).isEqualTo("oauth2");
    JsonObject password = scheme.getJsonObject("flows").getJsonObject("password");
    assertThat(password.getString("tokenUrl")).isEqualTo("/api/oauth/token");
    JsonObject scopes = password.getJsonObject("scopes");
    assertThat(scopes.keySet()).containsExactlyInAnyOrderElementsOf(ROLES);
    scopes.values().forEach(d -> assertThat(((JsonString) d).getString()).isNotBlank());
    assertThat(scheme.getString("description"))
        .contains("refresh_token", "device_code", "/api/oauth/device_authorization");
    // The matrix reads the roles from the requirements: each is one of the declared scopes.
    assertThat(operations).hasSizeGreaterThanOrEqualTo(100);
    Set<String> required = new LinkedHashSet<>();
    operations.forEach(op -> required.addAll(op.roles()));
    assertThat(required).isNotEmpty();
    assertThat(ROLES).containsAll(required);
  }

  @Test
  void everyOperationDeclaresItsSuccessWithTheBodySchema() {
    assertThat(operations).hasSizeGreaterThanOrEqualTo(100);
    List<String> missing = new ArrayList<>(withoutSuccess(operations));
    JsonObject paths = document.getJsonObject("paths");
    for (Operation op : operations) {
      JsonObject responses =
          paths
              .getJsonObject(op.path())
              .getJsonObject(op.method().toLowerCase(Locale.ROOT))
              .getJsonObject("responses");
      for (int status : op.successes()) {
        JsonObject response = responses.getJsonObject(Integer.toString(status));
        if (response.getString("description", "").isBlank()) {
          missing.add(op + " " + status + ": no description");
        }
        JsonObject content = response.getJsonObject("content");
        if (content == null) {
          continue; // 204, 304, HEAD and the revocation's empty 200
        }
        for (Map.Entry<String, JsonValue> media : content.entrySet()) {
          JsonObject schema = media.getValue().asJsonObject().getJsonObject("schema");
          if (schema == null || schema.isEmpty()) {
            missing.add(op + " " + status + " " + media.getKey() + ": no schema");
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void anOperationWithoutASuccessIsCaught() {
    JsonObject fixture =
        read(
            """
            {"paths":{
              "/api/a":{"get":{"summary":"Errors only","x-public":true,
                "responses":{"404":{"description":"x","x-problem-types":["x"]}}}},
              "/api/b":{"delete":{"summary":"Gone","x-public":true,
                "responses":{"204":{"description":"deleted"}}}}}}
            """);
    assertThat(withoutSuccess(OpenApiOperations.of(fixture))).containsExactly("GET /api/a");
  }

  @Test
  void libertyValidatesTheServedDocumentWithoutErrorsOrWarnings() throws Exception {
    Path log = RunningMarquee.stack().liberty().logFile();
    // The document was served in setUp; Liberty logs its validation before "produced".
    String text = Files.readString(log);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!text.contains(PRODUCED) && System.nanoTime() < deadline) {
      Thread.sleep(100); // the poll's interval: the log is written by another process
      text = Files.readString(log);
    }
    assertThat(text).as("messages.log names the OpenAPI document produced").contains(PRODUCED);
    assertThat(validationProblems(text)).isEmpty();
  }

  @Test
  void aLogWithValidationProblemsIsCaught() {
    String fixture =
        """
        [12/5/26, 8:08:11:142 UTC] 00000023 ValidationComponent E CWWKO1650E: Validation of the \
        OpenAPI document produced the following error(s):
         - Message: The "bearer" field of Security Requirement Object should be empty
        [12/5/26, 8:08:11:161 UTC] 00000023 ValidationComponent W CWWKO1651W: Validation of the \
        OpenAPI document produced the following warning(s):
        [12/5/26, 8:08:11:162 UTC] 00000023 ApplicationProcessor I CWWKO1660I: produced.
        """;
    assertThat(validationProblems(fixture)).hasSize(3);
  }

  @Test
  void theStatusesTheServerAnswersAreTheDeclaredOnes() throws IOException {
    String email = API.registerViewer(Viewers.PASSWORD);
    Api.Reply token = API.passwordGrant("marquee-web", email, Viewers.PASSWORD, null);
    declared("POST", "/api/oauth/token", token, 200);
    String viewer = token.json().getString("access_token");
    declared("GET", "/api/accounts/me", API.get("/api/accounts/me", viewer), 200);
    String profile =
        API.get("/api/accounts/me/profiles", viewer).array().getJsonObject(0).getString("id");
    Api.Reply list =
        API.postJson(
            "/api/catalog/lists",
            Json.createObjectBuilder()
                .add("profileId", profile)
                .add("name", "Sunday films")
                .build()
                .toString(),
            viewer);
    declared("POST", "/api/catalog/lists", list, 201);
    String listPath = "/api/catalog/lists/" + list.json().getString("id") + "?profileId=" + profile;
    declared(
        "PATCH",
        "/api/catalog/lists/{id}",
        API.patchJson(listPath, "{\"name\":\"Saturday films\"}", viewer),
        200);
    declared("DELETE", "/api/catalog/lists/{id}", API.delete(listPath, viewer), 204);
    declared("GET", "/api/catalog/titles", API.get("/api/catalog/titles", viewer), 200);
    declared("GET", "/api/oauth/jwks", API.get("/api/oauth/jwks"), 200);
    declared(
        "POST",
        "/api/oauth/device_authorization",
        API.from(Api.randomAddress())
            .postForm(
                "/api/oauth/device_authorization",
                Map.of("client_id", "marquee-tv", "device_type", "TV")),
        200);
    declared(
        "POST",
        "/api/operations/housekeeping/expired-credentials",
        API.post("/api/operations/housekeeping/expired-credentials", Viewers.admin(API)),
        202);
    declared("POST", "/api/oauth/logout", API.post("/api/oauth/logout", viewer), 204);
  }

  /** The reply has the status a correct call gets, and the document declares that status. */
  private static void declared(String method, String path, Api.Reply reply, int status) {
    assertThat(reply.status()).as(method + " " + path + ": " + reply).isEqualTo(status);
    Operation op =
        operations.stream()
            .filter(o -> o.method().equals(method) && o.path().equals(path))
            .findFirst()
            .orElseThrow(() -> new AssertionError(method + " " + path + " is not in the document"));
    assertThat(op.successes()).as(op + " declares").contains(status);
  }

  /** Operations that declare no 2xx or 3xx response. */
  static List<String> withoutSuccess(List<Operation> operations) {
    return operations.stream()
        .filter(op -> op.successes().isEmpty())
        .map(Operation::toString)
        .toList();
  }

  /** The lines of a messages log that report OpenAPI validation errors or warnings. */
  static List<String> validationProblems(String log) {
    return log.lines()
        .filter(l -> l.contains(INVALID) || l.contains(WARNED) || l.startsWith(" - Message:"))
        .toList();
  }

  private static JsonObject read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
