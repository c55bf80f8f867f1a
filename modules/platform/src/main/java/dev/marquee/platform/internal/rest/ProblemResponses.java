package dev.marquee.platform.internal.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Map;

/** Builds RFC 9457 problem responses ({@code application/problem+json}). */
final class ProblemResponses {
  static final String MEDIA_TYPE = "application/problem+json";

  private ProblemResponses() {}

  static Response of(int status, String type, String title, String detail) {
    return of(status, type, title, detail, Map.of());
  }

  static Response of(
      int status, String type, String title, String detail, Map<String, ?> extensions) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", "/problems/" + type)
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    extensions.forEach((name, value) -> add(body, name, value));
    Response.ResponseBuilder response =
        Response.status(status).type(MEDIA_TYPE).entity(body.build().toString());
    if (status == 401) {
      response.header("WWW-Authenticate", "Bearer realm=\"marquee\"");
    }
    return response.build();
  }

  private static void add(JsonObjectBuilder body, String name, Object value) {
    if (value == null) {
      body.addNull(name);
    } else if (value instanceof Integer || value instanceof Long) {
      body.add(name, ((Number) value).longValue());
    } else if (value instanceof Number number) {
      body.add(name, number.doubleValue());
    } else if (value instanceof Boolean bool) {
      body.add(name, bool);
    } else if (value instanceof Collection<?> items) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      for (Object item : items) {
        if (item instanceof Map<?, ?> map) {
          JsonObjectBuilder nested = Json.createObjectBuilder();
          map.forEach((k, v) -> add(nested, String.valueOf(k), v));
          array.add(nested);
        } else {
          array.add(String.valueOf(item));
        }
      }
      body.add(name, array);
    } else {
      body.add(name, String.valueOf(value));
    }
  }
}
