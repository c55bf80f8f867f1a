package dev.marquee.catalog.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.api.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin's JSON merge patch (RFC 7396) of a title: what it changes, keeps and refuses. */
class TitlePatchTest {
  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();
  private static final AdminTitle TITLE =
      new AdminTitle(
          "7d4c1f7e-8f0a-4a7e-9d59-0f7a1d1f0c01",
          3,
          "PUBLISHED",
          "Night Train",
          "A train, at night.",
          "en",
          "drama",
          "13+",
          2024,
          new AdminTitle.Licence(
              List.of("GB", "IE"), Instant.parse("2026-01-01T00:00:00Z"), null, true),
          new AdminTitle.Prices(399, 1299, "GBP"),
          List.of("en"),
          List.of("en", "fr"),
          List.of(new AdminTitle.Credit("Ada Stone", "DIRECTOR", null)),
          null,
          "titles/poster.jpg",
          null,
          5_000L);

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static AdminTitle patch(String text) {
    return TitlePatch.apply(TITLE, json(text), VALIDATOR);
  }

  private static ProblemException refused(String text) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> patch(text));
    assertThat(thrown).isInstanceOf(ProblemException.class);
    return (ProblemException) thrown;
  }

  @Test
  void membersAbsentFromThePatchStayAsTheyWere() {
    AdminTitle patched = patch("{\"name\":\"  Night Train Home \"}");

    assertThat(patched.name()).isEqualTo("Night Train Home");
    assertThat(patched).usingRecursiveComparison().ignoringFields("name").isEqualTo(TITLE);
    assertThat(TitlePatch.diff(TITLE, patched))
        .containsOnlyKeys("name")
        .containsEntry("name", Map.of("from", "Night Train", "to", "Night Train Home"));
  }

  @Test
  void nestedObjectsMergeMemberByMemberAndNullClearsWhereThatMeansSomething() {
    AdminTitle patched =
        patch(
            "{\"licence\":{\"availableUntil\":\"2027-06-30T00:00:00Z\"},"
                + "\"prices\":{\"rentCents\":null},\"subtitleLanguages\":null}");

    assertThat(patched.licence().regions()).containsExactly("GB", "IE");
    assertThat(patched.licence().availableUntil()).isEqualTo("2027-06-30T00:00:00Z");
    assertThat(patched.licence().offlineAllowed()).isTrue();
    assertThat(patched.prices()).isEqualTo(new AdminTitle.Prices(null, 1299, "GBP"));
    assertThat(patched.subtitleLanguages()).isEmpty();
    assertThat(patch("{\"prices\":null}").prices())
        .isEqualTo(new AdminTitle.Prices(null, null, null));
  }

  @Test
  void valuesAreNormalisedAsAtIngest() {
    AdminTitle patched =
        patch(
            "{\"language\":\"FR\",\"category\":\"Comedy\",\"licence\":{\"regions\":[\" us \"]},"
                + "\"audioLanguages\":[\"EN\",\"en\",\"deu\"],"
                + "\"credits\":[{\"person\":\" Bo Lind \",\"role\":\"actor\",\"character\":\"\"}]}");

    assertThat(patched.language()).isEqualTo("fr");
    assertThat(patched.category()).isEqualTo("comedy");
    assertThat(patched.licence().regions()).containsExactly("US");
    assertThat(patched.audioLanguages()).containsExactly("en", "deu");
    assertThat(patched.credits()).containsExactly(new AdminTitle.Credit("Bo Lind", "ACTOR", null));
  }

  @Test
  void aFieldAdminsDoNotEditIsRefusedByName() {
    ProblemException e = refused("{\"posterKey\":\"elsewhere.jpg\"}");

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.type()).isEqualTo("validation-failed");
    assertThat(e.getMessage()).contains("posterKey");
  }

  /** The field a refused patch names in its problem's errors. */
  @SuppressWarnings("unchecked")
  private static String field(String text) {
    ProblemException e = refused(text);
    assertThat(e.status()).isEqualTo(400);
    var errors = (List<Map<String, String>>) e.extensions().get("errors");
    return errors.get(0).get("field");
  }

  @Test
  void everyBadValueIsA400NamingItsField() {
    assertThat(field("{\"releaseYear\":\"2020\"}")).isEqualTo("releaseYear");
    assertThat(field("{\"prices\":{\"rentCents\":-1}}")).isEqualTo("prices.rentCents");
    assertThat(field("{\"prices\":{\"currency\":\"XXQ\"}}")).isEqualTo("prices.currency");
    assertThat(field("{\"credits\":[{\"person\":\"A\",\"role\":\"GAFFER\"}]}"))
        .isEqualTo("credits[0].role");
    assertThat(field("{\"episode\":{\"seriesId\":\"nope\",\"season\":1,\"episode\":1}}"))
        .isEqualTo("episode.seriesId");
    assertThat(field("{\"licence\":{\"availableFrom\":\"next week\"}}"))
        .isEqualTo("licence.availableFrom");
    assertThat(refused("{\"audioLanguages\":[\"klingon\"]}").type()).isEqualTo("unknown-language");
    assertThat(refused("{\"maturityRating\":\"PG-13\"}").type())
        .isEqualTo("invalid-maturity-rating");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyBrokenRuleIsListedByFieldInOneAnswer() {
    ProblemException e =
        refused(
            "{\"prices\":{\"rentCents\":-1,\"buyCents\":20000000},"
                + "\"credits\":[{\"person\":\" \",\"role\":\"GAFFER\"},"
                + "{\"person\":\"Bo Lind\",\"role\":\"actor\"}]}");

    var errors = (List<Map<String, String>>) e.extensions().get("errors");
    assertThat(errors.stream().map(m -> m.get("field")))
        .containsExactly(
            "credits[0].person", "credits[0].role", "prices.buyCents", "prices.rentCents");
    assertThat(e.getMessage()).contains("credits[0].person must be a name of 1 to 200 characters");
    StringBuilder many = new StringBuilder("{\"credits\":[");
    for (int i = 0; i <= AdminTitle.MAX_CREDITS; i++) {
      many.append(i == 0 ? "" : ",")
          .append("{\"person\":\"P")
          .append(i)
          .append("\",\"role\":\"ACTOR\"}");
    }
    assertThat(field(many.append("]}").toString())).isEqualTo("credits");
  }

  @Test
  void anEpisodeMergesMemberByMemberAsRfc7396Says() {
    AdminTitle episode =
        TitlePatch.apply(
            TITLE,
            json(
                "{\"episode\":{\"seriesId\":\"5b0c7a52-1d7e-4f0e-9a59-2f1c1e0b7a11\","
                    + "\"season\":1,\"episode\":4}}"),
            VALIDATOR);

    AdminTitle moved = TitlePatch.apply(episode, json("{\"episode\":{\"season\":2}}"), VALIDATOR);

    assertThat(moved.episode())
        .isEqualTo(new AdminTitle.Episode("5b0c7a52-1d7e-4f0e-9a59-2f1c1e0b7a11", 2, 4));
    assertThat(TitlePatch.apply(moved, json("{\"episode\":null}"), VALIDATOR).episode()).isNull();
    assertThat(field("{\"episode\":{\"seriesId\":\"5b0c7a52-1d7e-4f0e-9a59-2f1c1e0b7a11\"}}"))
        .isEqualTo("episode.episode");
  }

  @Test
  void aPriceNeedsACurrency() {
    AdminTitle free =
        TitlePatch.apply(
            new AdminTitle(
                TITLE.id(),
                TITLE.version(),
                TITLE.state(),
                TITLE.name(),
                TITLE.synopsis(),
                TITLE.language(),
                TITLE.category(),
                TITLE.maturityRating(),
                TITLE.releaseYear(),
                TITLE.licence(),
                new AdminTitle.Prices(null, null, null),
                TITLE.audioLanguages(),
                TITLE.subtitleLanguages(),
                TITLE.credits(),
                null,
                null,
                null,
                null),
            json("{}"),
            VALIDATOR);

    assertThatThrownBy(
            () -> TitlePatch.apply(free, json("{\"prices\":{\"buyCents\":999}}"), VALIDATOR))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("prices.currency");
  }

  @Test
  void theStateMovesOnlyBetweenPublishedAndUnpublishedOnceTranscoded() {
    assertThat(patch("{\"state\":\"unpublished\"}").state()).isEqualTo("UNPUBLISHED");
    assertThat(refused("{\"state\":\"DELETED\"}").type()).isEqualTo("validation-failed");

    AdminTitle transcoding =
        new AdminTitle(
            TITLE.id(),
            TITLE.version(),
            "TRANSCODING",
            TITLE.name(),
            TITLE.synopsis(),
            TITLE.language(),
            TITLE.category(),
            TITLE.maturityRating(),
            TITLE.releaseYear(),
            TITLE.licence(),
            TITLE.prices(),
            TITLE.audioLanguages(),
            TITLE.subtitleLanguages(),
            TITLE.credits(),
            null,
            null,
            null,
            null);
    Throwable early =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> TitlePatch.apply(transcoding, json("{\"state\":\"PUBLISHED\"}"), VALIDATOR));
    assertThat(early).isInstanceOf(ProblemException.class);
    assertThat(((ProblemException) early).status()).isEqualTo(409);
    assertThat(((ProblemException) early).type()).isEqualTo("not-transcoded");
  }

  @Test
  void theResultStillFollowsTheRulesOfEveryTitle() {
    // A licence window that ends before it starts breaks a metadata rule checked after merging.
    assertThat(refused("{\"licence\":{\"availableUntil\":\"2025-01-01T00:00:00Z\"}}").status())
        .isEqualTo(400);
  }
}
