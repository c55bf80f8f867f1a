package dev.marquee.systemtests;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The operations of Marquee's OpenAPI document as the authorization matrix needs them: the roles
 * each admits (the scopes of its bearer requirement), whether it is explicitly public, and the
 * problem types it declares per status, and the success statuses (2xx and 3xx) it declares.
 */
final class OpenApiOperations {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private OpenApiOperations() {}

  /**
   * One operation. {@code roles} is empty for a public one; an operation with neither a bearer
   * requirement nor {@code x-public: true} has no rule ({@link #hasRule()} false).
   */
  record Operation(
      String method,
      String path,
      String summary,
      Set<String> roles,
      boolean isPublic,
      Map<Integer, Set<String>> problems,
      Set<Integer> successes,
      List<String> queryParameters,
      String requestMediaType) {

    boolean hasRule() {
      return isPublic != !roles.isEmpty();
    }

    boolean declares(int status, String problemType) {
      return problems.getOrDefault(status, Set.of()).contains(problemType);
    }

    /** Whether the document lists {@code status} (a 2xx or 3xx) among the operation's answers. */
    boolean declaresSuccess(int status) {
      return successes.contains(status);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static List<Operation> of(JsonObject document) {
    List<Operation> operations = new ArrayList<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.keySet()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        if (METHODS.contains(method)) {
          operations.add(operation(method.toUpperCase(Locale.ROOT), path, item, method));
        }
      }
    }
    return operations;
  }

  private static Operation operation(String method, String path, JsonObject item, String key) {
    JsonObject op = item.getJsonObject(key);
    Set<String> roles = new LinkedHashSet<>();
    if (op.containsKey("security")) {
      for (JsonValue requirement : op.getJsonArray("security")) {
        JsonArray scopes = requirement.asJsonObject().getJsonArray("bearer");
        if (scopes != null) {
          scopes.getValuesAs(JsonString::getString).forEach(roles::add);
        }
      }
    }
    boolean isPublic = op.getBoolean("x-public", false);
    Map<Integer, Set<String>> problems = new TreeMap<>();
    Set<Integer> successes = new TreeSet<>();
    JsonObject responses = op.getJsonObject("responses");
    if (responses != null) {
      for (String status : responses.keySet()) {
        if (!status.matches("\\d{3}") || !(responses.get(status) instanceof JsonObject response)) {
          continue; // "default" or an extension
        }
        int code = Integer.parseInt(status);
        if (code >= 200 && code < 400) {
          successes.add(code);
        }
        JsonArray types = response.getJsonArray("x-problem-types");
        if (types != null) {
          problems.put(
              Integer.parseInt(status),
              new LinkedHashSet<>(types.getValuesAs(JsonString::getString)));
        }
      }
    }
    List<String> query = new ArrayList<>();
    List<JsonValue> parameters = new ArrayList<>();
    if (item.containsKey("parameters")) {
      parameters.addAll(item.getJsonArray("parameters"));
    }
    if (op.containsKey("parameters")) {
      parameters.addAll(op.getJsonArray("parameters"));
    }
    for (JsonValue p : parameters) {
      JsonObject parameter = p.asJsonObject();
      if ("query".equals(parameter.getString("in", ""))) {
        query.add(parameter.getString("name"));
      }
    }
    String mediaType = null;
    JsonObject body = op.getJsonObject("requestBody");
    if (body != null && body.containsKey("content")) {
      mediaType = body.getJsonObject("content").keySet().iterator().next();
    }
    return new Operation(
        method,
        path,
        op.getString("summary", ""),
        roles,
        isPublic,
        problems,
        successes,
        query,
        mediaType);
  }
}
