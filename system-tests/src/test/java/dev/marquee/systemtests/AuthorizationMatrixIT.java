package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.systemtests.OpenApiOperations.Operation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the live OpenAPI document against every kind of caller: anonymous, a viewer, a
 * second viewer holding the first one's ids, a creator, an operator and an admin. What each cell
 * must answer comes from the document alone (the roles of the operation's bearer requirement, or
 * its x-public marker), so an operation added without a rule, or a rule the code does not keep,
 * fails here. A cell answered with a success must get a status the operation declares.
 */
@ExtendWith(RunningMarquee.class)
class AuthorizationMatrixIT {
  private static final Api API = RunningMarquee.api();

  /**
   * Operations that answer a matrix cell with a success (public lists, the caller's own reads,
   * deletions of fixtures), so that the declared-success check is known to have run on many.
   */
  private static final int MIN_SUCCEEDED = 20;

  private static List<Operation> operations;
  private static List<Persona> personas;
  private static MatrixFixtures fixtures;

  /** Who calls; {@code roles} are read from the token's groups claim. */
  record Persona(String name, String token, Set<String> roles) {}

  /** What a cell must answer, as a class of statuses. */
  enum Outcome {
    /** 401 with problem type unauthenticated: a secured operation without a token. */
    UNAUTHENTICATED,
    /** 403 with problem type forbidden: none of the operation's roles. */
    FORBIDDEN,
    /** A 4xx other than the role refusals: the right role, but another account's object. */
    NOT_YOURS,
    /** Past authorization: anything below 500 but the role refusals. */
    ADMITTED
  }

  @BeforeAll
  static void setUp() throws IOException {
    fixtures = MatrixFixtures.create(API);
    personas =
        List.of(
            new Persona("anonymous", null, Set.of()),
            persona("viewer", fixtures.viewerToken()),
            persona("other-viewer", fixtures.otherViewerToken()),
            persona("creator", fixtures.creatorToken()),
            persona("operator", fixtures.operatorToken()),
            persona("admin", Viewers.admin(API)));
    Api.Reply document = API.get("/openapi?format=JSON", fixtures.operatorToken());
    assertThat(document.status()).as(document.toString()).isEqualTo(200);
    // Kept beside the reports, to read what the matrix was built from.
    Files.writeString(Path.of("target/openapi.json"), document.body());
    operations = OpenApiOperations.of(document.json());
  }

  @Test
  void everyOperationHasASummaryARuleAndItsRoleRefusals() {
    assertThat(operations).hasSizeGreaterThanOrEqualTo(100);
    List<String> missing = new ArrayList<>();
    for (Operation op : operations) {
      if (op.summary().isBlank()) {
        missing.add(op + ": no summary");
      }
      if (!op.hasRule()) {
        missing.add(op + ": neither a bearer requirement with roles nor x-public: true");
      }
      if (!op.isPublic() && !op.declares(401, "unauthenticated")) {
        missing.add(op + ": secured but no 401 unauthenticated");
      }
      if (!op.isPublic() && !op.roles().contains("viewer") && !op.declares(403, "forbidden")) {
        missing.add(op + ": admits " + op.roles() + " but declares no 403 forbidden");
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void anOperationWithoutARuleIsCaught() {
    JsonObject document =
        read(
            """
            {"paths":{
              "/api/new":{"get":{"summary":"A new endpoint","responses":{"200":{}}}},
              "/api/open":{"get":{"summary":"Open","x-public":true}},
              "/api/closed":{"get":{"summary":"Closed","security":[{"bearer":["admin"]}]}}}}
            """);
    List<Operation> parsed = OpenApiOperations.of(document);
    assertThat(parsed).hasSize(3);
    assertThat(parsed.stream().filter(op -> !op.hasRule()).map(Operation::path))
        .containsExactly("/api/new");
  }

  @Test
  void everyCellAnswersAsTheDocumentDeclares() {
    assertThat(operations).hasSizeGreaterThanOrEqualTo(100);
    assertThat(personas).hasSize(6);
    List<Operation> ordered = new ArrayList<>(operations);
    // Sign-out revokes the caller's token and deletions remove fixtures: they go last.
    ordered.sort(
        Comparator.comparingInt(AuthorizationMatrixIT::rank).thenComparing(Operation::path));
    List<String> failures = new ArrayList<>();
    StringBuilder table = new StringBuilder();
    int cells = 0;
    Set<String> succeeded = new LinkedHashSet<>();
    for (Operation op : ordered) {
      MatrixFixtures.Target target = fixtures.target(op);
      List<Persona> callers = new ArrayList<>(personas);
      // The owner goes last, so that the others try while the object still exists.
      callers.sort(Comparator.comparing(p -> p.name().equals(target.owner())));
      table.append(String.format("%-7s %-70s", op.method(), op.path()));
      for (Persona persona : callers) {
        Outcome expected = expected(op, persona, target.owner());
        Api.Reply reply =
            API.exchange(
                op.method(),
                target.pathAndQuery(),
                persona.token(),
                target.mediaType(),
                target.body());
        cells++;
        if (reply.status() < 400) {
          succeeded.add(op.toString());
        }
        table.append(' ').append(persona.name()).append('=').append(reply.status());
        String failure = check(op, expected, reply);
        if (failure != null) {
          failures.add(op + " as " + persona.name() + ": expected " + expected + ", " + failure);
        }
      }
      table.append('\n');
    }
    System.out.println("Authorization matrix (" + cells + " cells):\n" + table);
    assertThat(cells).isEqualTo(operations.size() * personas.size());
    assertThat(failures).isEmpty();
    // The declared-success check above ran on real successes, not only on refusals.
    System.out.println(succeeded.size() + " operations answered a success: " + succeeded);
    assertThat(succeeded).hasSizeGreaterThanOrEqualTo(MIN_SUCCEEDED);
  }

  static Outcome expected(Operation op, Persona persona, String owner) {
    if (op.isPublic()) {
      return Outcome.ADMITTED;
    }
    if (persona.token() == null) {
      return Outcome.UNAUTHENTICATED;
    }
    if (Collections.disjoint(persona.roles(), op.roles())) {
      return Outcome.FORBIDDEN;
    }
    if (owner != null && !owner.equals(persona.name())) {
      return Outcome.NOT_YOURS;
    }
    return Outcome.ADMITTED;
  }

  /** Null when the reply is what the document promises, else what is wrong. */
  static String check(Operation op, Outcome expected, Api.Reply reply) {
    int status = reply.status();
    String type = problemType(reply);
    boolean roleRefusal =
        (status == 401 && "unauthenticated".equals(type))
            || (status == 403 && "forbidden".equals(type));
    String got = "got " + status + (type == null ? "" : " " + type) + ": " + abbreviate(reply);
    boolean ok =
        switch (expected) {
          case UNAUTHENTICATED -> status == 401 && "unauthenticated".equals(type);
          case FORBIDDEN -> status == 403 && "forbidden".equals(type);
          case NOT_YOURS -> status >= 400 && status < 500 && !roleRefusal;
          case ADMITTED -> status < 500 && !roleRefusal;
        };
    if (!ok) {
      return got;
    }
    if (status < 400 && !op.declaresSuccess(status)) {
      return "a success status the document does not declare (it declares "
          + op.successes()
          + "), "
          + got;
    }
    if (status >= 400 && !"HEAD".equals(op.method())) {
      if (type == null) {
        return "an error that is not problem JSON, " + got;
      }
      if (!op.declares(status, type)) {
        return "a problem the document does not declare, " + got;
      }
    }
    return null;
  }

  private static String problemType(Api.Reply reply) {
    if (!reply.contentType().startsWith("application/problem+json") || reply.body().isBlank()) {
      return null;
    }
    return reply.json().getString("type", "").replace("/problems/", "");
  }

  private static String abbreviate(Api.Reply reply) {
    String body = reply.body();
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }

  private static int rank(Operation op) {
    if (op.path().equals("/api/oauth/logout")) {
      return 2;
    }
    return op.method().equals("DELETE") ? 1 : 0;
  }

  private static Persona persona(String name, String token) {
    String payload = token.split("\\.")[1];
    JsonObject claims =
        read(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    Set<String> roles =
        new LinkedHashSet<>(claims.getJsonArray("groups").getValuesAs(JsonString::getString));
    return new Persona(name, token, roles);
  }

  private static JsonObject read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
