package dev.marquee.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** A problem (RFC 9457) the server answered with, as one line for a person. */
public final class ServerProblem extends CliFailure {
  private final int status;
  private final String type;
  private final JsonObject problem;

  private ServerProblem(int status, String type, String line, JsonObject problem) {
    super(ExitCode.SERVER_PROBLEM, line);
    this.status = status;
    this.type = type;
    this.problem = problem;
  }

  /**
   * Reads a problem body; a body that is not problem JSON (a proxy's HTML page) still gives a line
   * naming the status.
   */
  public static ServerProblem of(int status, String body) {
    JsonObject problem = Json.parseObjectOrNull(body);
    if (problem == null) {
      return new ServerProblem(
          status, "", "server answered HTTP " + status + " without a problem description", null);
    }
    String type = text(problem, "type");
    String slug = type.substring(type.lastIndexOf('/') + 1);
    String detail = text(problem, "detail");
    String title = text(problem, "title");
    String what = !detail.isEmpty() ? detail : !title.isEmpty() ? title : "HTTP " + status;
    String line = what + " (" + (slug.isEmpty() ? "" : slug + ", ") + "HTTP " + status + ")";
    return new ServerProblem(status, slug, oneLine(line), problem);
  }

  public int status() {
    return status;
  }

  /** The problem type's last segment, e.g. {@code weak-password}; empty if there was none. */
  public String type() {
    return type;
  }

  /** The OAuth {@code error} member (RFC 6749 section 5.2), empty if absent. */
  public String oauthError() {
    return problem == null ? "" : text(problem, "error");
  }

  @Override
  public JsonObject toJson() {
    var error = Json.object().add("message", getMessage()).add("status", status);
    if (problem != null) {
      error.add("problem", problem);
    }
    return Json.object().add("error", error).build();
  }

  static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  private static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonString s ? s.getString() : "";
  }
}
