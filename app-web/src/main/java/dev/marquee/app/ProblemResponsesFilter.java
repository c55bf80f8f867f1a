package dev.marquee.app;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the problem responses the resources declare. A resource states an error response as
 * {@code @APIResponse(responseCode = "404", description = "list-not-found, profile-not-found")}:
 * the problem types it can answer with that status. This filter gives each such response its RFC
 * 9457 body ({@code application/problem+json}, the {@code Problem} schema with {@code type} limited
 * to those types), lists the types as {@code x-problem-types}, and adds {@code Retry-After} to
 * 429s, so that a hundred operations do not each repeat the same content block.
 */
public final class ProblemResponsesFilter implements OASFilter {
  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM_SCHEMA = "Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    Components components = openAPI.getComponents();
    components.addSchema(PROBLEM_SCHEMA, problemSchema());
  }

  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
      return operation;
    }
    for (Map.Entry<String, APIResponse> entry :
        operation.getResponses().getAPIResponses().entrySet()) {
      int status = parseStatus(entry.getKey());
      APIResponse response = entry.getValue();
      if (status < 400 || response.getContent() != null || response.getDescription() == null) {
        continue;
      }
      List<String> types = problemTypes(response.getDescription());
      Schema typed =
          OASFactory.createSchema()
              .addProperty(
                  "type",
                  OASFactory.createSchema()
                      .type(SchemaType.STRING)
                      .enumeration(types.stream().map(t -> (Object) ("/problems/" + t)).toList()));
      response
          .description("Problem types: " + String.join(", ", types))
          .addExtension("x-problem-types", types)
          .content(
              OASFactory.createContent()
                  .addMediaType(
                      PROBLEM_JSON,
                      OASFactory.createMediaType()
                          .schema(
                              OASFactory.createSchema()
                                  .addAllOf(
                                      OASFactory.createSchema()
                                          .ref("#/components/schemas/" + PROBLEM_SCHEMA))
                                  .addAllOf(typed))));
      if (status == 429) {
        response.addHeader("Retry-After", retryAfter());
      }
    }
    return operation;
  }

  static List<String> problemTypes(String description) {
    return Arrays.stream(description.split(","))
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .toList();
  }

  private static int parseStatus(String code) {
    try {
      return Integer.parseInt(code);
    } catch (NumberFormatException e) {
      return 0; // "default"
    }
  }

  private static Header retryAfter() {
    return OASFactory.createHeader()
        .description("Seconds until the limit lets the client in again.")
        .schema(OASFactory.createSchema().type(SchemaType.INTEGER));
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .type(SchemaType.OBJECT)
        .description("An RFC 9457 problem; members beyond these are named by the problem type.")
        .addProperty(
            "type",
            OASFactory.createSchema()
                .type(SchemaType.STRING)
                .description("/problems/<slug>, the slug naming the problem"))
        .addProperty("title", OASFactory.createSchema().type(SchemaType.STRING))
        .addProperty("status", OASFactory.createSchema().type(SchemaType.INTEGER))
        .addProperty("detail", OASFactory.createSchema().type(SchemaType.STRING))
        .addProperty("instance", OASFactory.createSchema().type(SchemaType.STRING))
        .additionalPropertiesBoolean(Boolean.TRUE);
  }
}
