package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

/** What every error response must look like to a client. */
final class ProblemAssert {
  private ProblemAssert() {}

  /** Asserts status, RFC 9457 media type and problem type, and that nothing internal leaked. */
  static Api.Reply assertProblem(Api.Reply reply, int status, String type) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.problemType()).as("problem type of %s", reply).isEqualTo(type);
    assertThat(reply.json().getInt("status")).isEqualTo(status);
    assertThat(reply.json().getString("title")).isNotBlank();
    assertNoInternals(reply);
    return reply;
  }

  static void assertNoInternals(Api.Reply reply) {
    assertThat(reply.body())
        .as("a client must never see stack traces or class names")
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("dev.marquee.")
        .doesNotContain("org.eclipse.")
        .doesNotContain("com.ibm.");
  }
}
