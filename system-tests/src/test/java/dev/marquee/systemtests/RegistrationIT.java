package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningMarquee.class)
class RegistrationIT {
  private final Api api = RunningMarquee.api();

  @Test
  void registersAViewerWhoCanSignInAndSeeTheirAccount() {
    var created =
        api.postJson(
            "/api/accounts",
            """
            {"email":"Ada.Lovelace@Example.com","password":"analytical engine 1843","displayName":"Ada","country":"gb"}
            """);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/accounts/me"));
    assertThat(created.json().getString("email")).isEqualTo("Ada.Lovelace@Example.com");
    assertThat(created.json().getJsonArray("roles").getString(0)).isEqualTo("viewer");
    assertThat(created.body()).doesNotContain("analytical engine").doesNotContain("argon2");

    // Email matching ignores case: the viewer signs in however they type it.
    var tokens = api.signIn("ada.lovelace@example.com", "analytical engine 1843");
    assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
    var me = api.get("/api/accounts/me", tokens.getString("access_token"));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("displayName")).isEqualTo("Ada");
    assertThat(me.json().getString("country")).isEqualTo("GB");
  }

  @Test
  void aSecondAccountWithTheSameEmailIsAConflict() {
    String email = api.registerViewer("first long password");
    var again =
        api.postJson(
            "/api/accounts",
            "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"second long password\"}");
    assertProblem(again, 409, "email-taken");
  }

  @Test
  void weakPasswordsAreRefusedWithTheRuleTheyBreak() {
    var tooShort =
        api.postJson("/api/accounts", "{\"email\":\"short@example.com\",\"password\":\"abc123\"}");
    assertProblem(tooShort, 400, "weak-password");
    assertThat(tooShort.json().getString("detail")).contains("at least 10 characters");

    var common =
        api.postJson(
            "/api/accounts", "{\"email\":\"common@example.com\",\"password\":\"password123\"}");
    assertProblem(common, 400, "weak-password");
    assertThat(common.json().getString("detail")).contains("commonly used");

    var containsEmail =
        api.postJson(
            "/api/accounts",
            "{\"email\":\"margaret@example.com\",\"password\":\"margaret-is-great\"}");
    assertProblem(containsEmail, 400, "weak-password");
  }

  @Test
  void malformedJsonIsNamedAsSuch() {
    assertProblem(api.postJson("/api/accounts", "{\"email\": "), 400, "malformed-json");
    assertProblem(api.postJson("/api/accounts", "not json at all"), 400, "malformed-json");
    // A field of the wrong kind is named in the client's terms, never as a Java type.
    Api.Reply wrongKind =
        assertProblem(
            api.postJson("/api/accounts", "{\"email\":{\"a\":1},\"password\":\"x\"}"),
            400,
            "malformed-json");
    assertThat(wrongKind.json().getString("detail"))
        .isEqualTo("Field 'email' must be text.")
        .doesNotContain("java");
  }

  @Test
  void missingAndInvalidFieldsAreEachNamed() {
    var missingPassword =
        assertProblem(
            api.postJson("/api/accounts", "{\"email\":\"x@example.com\"}"),
            400,
            "validation-failed");
    assertThat(missingPassword.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("password");

    var badEmailAndCountry =
        assertProblem(
            api.postJson(
                "/api/accounts",
                "{\"email\":\"not-an-email\",\"password\":\"long enough password\",\"country\":\"Narnia\"}"),
            400,
            "validation-failed");
    assertThat(
            badEmailAndCountry.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")))
        .containsExactly("country", "email");

    assertProblem(api.postJson("/api/accounts", ""), 400, "missing-body");
  }

  @Test
  void wrongMediaTypeAndMethodAreProblemsToo() {
    var form = api.postForm("/api/accounts", java.util.Map.of("email", "x@example.com"));
    assertProblem(form, 415, "unsupported-media-type");
    assertProblem(api.delete("/api/accounts", null), 405, "method-not-allowed");
    assertProblem(api.get("/api/no-such-thing"), 404, "not-found");
  }
}
