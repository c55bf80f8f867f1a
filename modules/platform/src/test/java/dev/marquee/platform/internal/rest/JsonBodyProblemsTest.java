package dev.marquee.platform.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

/** The messages are the ones Yasson 3 gives for these bodies, chained as it chains them. */
class JsonBodyProblemsTest {
  private static Throwable yasson(String outer, String inner) {
    return new JsonbException(outer, new JsonbException(inner));
  }

  @Test
  void namesTheFieldAndWhatItShouldHoldNeverAJavaType() {
    assertThat(
            JsonBodyProblems.describe(
                yasson(
                    "Unable to deserialize property 'email' because of: Incorrect position for"
                        + " processing type: class java.lang.String. Received event: START_OBJECT",
                    "Incorrect position for processing type: class java.lang.String.")))
        .isEqualTo("Field 'email' must be text.");
    assertThat(
            JsonBodyProblems.describe(
                yasson(
                    "Unable to deserialize property 'age' because of: Error deserialize JSON value"
                        + " into type: int.",
                    "Error deserialize JSON value into type: int.")))
        .isEqualTo("Field 'age' must be a whole number.");
    assertThat(
            JsonBodyProblems.describe(
                yasson(
                    "Unable to deserialize property 'roles' because of: Incorrect position for"
                        + " processing type: interface java.util.List. Received event:"
                        + " VALUE_STRING Allowed: [START_ARRAY]",
                    "x")))
        .isEqualTo("Field 'roles' must be a list (a JSON array).");
  }

  @Test
  void aBodyThatIsNotAnObjectIsToldSo() {
    assertThat(
            JsonBodyProblems.describe(
                new JsonbException(
                    "Incorrect position for processing type: class dev.marquee.x.Request."
                        + " Received event: START_ARRAY Allowed: [START_OBJECT]")))
        .isEqualTo("The body must be a JSON object with the fields this operation takes.")
        .doesNotContain("dev.marquee");
  }

  @Test
  void aUuidFieldIsNamedByWhatItNeeds() {
    assertThat(
            JsonBodyProblems.describe(
                new JsonbException(
                    "Internal error: Invalid UUID string: nope",
                    new IllegalArgumentException("Invalid UUID string: nope"))))
        .isEqualTo("A field must be a UUID.");
  }
}
