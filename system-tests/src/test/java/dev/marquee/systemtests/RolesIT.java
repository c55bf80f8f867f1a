package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.MarqueeStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningMarquee.class)
class RolesIT {
  private static final String PASSWORD = "roles and responsibilities";
  private final Api api = RunningMarquee.api();

  private String adminToken() {
    return api.signIn(MarqueeStack.ADMIN_EMAIL, RunningMarquee.stack().adminPassword())
        .getString("access_token");
  }

  @Test
  void viewersMayNotAdministerOrOperate() {
    String viewer = api.signIn(api.registerViewer(PASSWORD), PASSWORD).getString("access_token");
    assertProblem(api.get("/api/admin/accounts", viewer), 403, "forbidden");
    assertProblem(api.get("/api/operations/dependencies", viewer), 403, "forbidden");
    assertProblem(
        api.putJson(
            "/api/admin/accounts/" + java.util.UUID.randomUUID() + "/roles",
            "{\"roles\":[\"admin\"]}",
            viewer),
        403,
        "forbidden");
  }

  @Test
  void anAdminGrantsRolesThatTheNextTokenCarries() {
    String email = api.registerViewer(PASSWORD);
    String admin = adminToken();

    var found = api.get("/api/admin/accounts?email=" + email, admin);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.array()).hasSize(1);
    String id = found.array().getJsonObject(0).getString("id");

    var granted =
        api.putJson(
            "/api/admin/accounts/" + id + "/roles",
            "{\"roles\":[\"operator\",\"creator\"]}",
            admin);
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    // viewer is always kept.
    assertThat(granted.json().getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("creator", "operator", "viewer");

    String operator = api.signIn(email, PASSWORD).getString("access_token");
    var dependencies = api.get("/api/operations/dependencies", operator);
    assertThat(dependencies.status()).isEqualTo(200);
    // Operators see every shared dependency; object storage is checked by a real round trip.
    assertThat(dependencies.json().getBoolean("up")).as(dependencies.toString()).isTrue();
    assertThat(dependencies.body())
        .contains("postgresql")
        .contains("object-storage")
        .contains("write, read and delete");
    // ...but an operator is not an admin.
    assertProblem(api.get("/api/admin/accounts", operator), 403, "forbidden");
  }

  @Test
  void roleAssignmentRejectsUnknownRolesAndAccounts() {
    String admin = adminToken();
    String email = api.registerViewer(PASSWORD);
    String id =
        api.get("/api/admin/accounts?email=" + email, admin)
            .array()
            .getJsonObject(0)
            .getString("id");
    assertProblem(
        api.putJson("/api/admin/accounts/" + id + "/roles", "{\"roles\":[\"superuser\"]}", admin),
        400,
        "unknown-role");
    assertProblem(
        api.putJson("/api/admin/accounts/" + id + "/roles", "{}", admin), 400, "validation-failed");
    assertProblem(
        api.putJson(
            "/api/admin/accounts/" + java.util.UUID.randomUUID() + "/roles",
            "{\"roles\":[]}",
            admin),
        404,
        "account-not-found");
    assertProblem(api.get("/api/admin/accounts?limit=100000", admin), 400, "validation-failed");
  }
}
