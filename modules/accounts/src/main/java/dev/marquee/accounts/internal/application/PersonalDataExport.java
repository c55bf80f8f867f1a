package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.DataSubject;
import dev.marquee.accounts.api.PersonalDataHolder;
import dev.marquee.accounts.internal.persistence.AccountsPersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A viewer's copy of everything Marquee holds about them (GDPR article 15 and 20): one JSON
 * document with a part from every module that keeps data about accounts, each written by that
 * module through {@link PersonalDataHolder}. Read in one transaction.
 */
@ApplicationScoped
public class PersonalDataExport {
  static final String FORMAT = "marquee-personal-data/1";

  @Inject @Any Instance<PersonalDataHolder> holders;
  @Inject AccountsPersonalData own;

  @Transactional
  public JsonObject export(UUID accountId) {
    DataSubject subject = own.subject(accountId);
    JsonObjectBuilder parts = Json.createObjectBuilder();
    for (PersonalDataHolder holder : ordered(holders)) {
      parts.add(holder.part(), holder.export(subject));
    }
    return Json.createObjectBuilder()
        .add("format", FORMAT)
        .add("accountId", accountId.toString())
        .add("exportedAt", Instant.now().toString())
        .add("parts", parts)
        .build();
  }

  /** Every holder once, in erasure order (accounts last), ties by part name. */
  static List<PersonalDataHolder> ordered(Instance<PersonalDataHolder> holders) {
    List<PersonalDataHolder> all =
        holders.stream()
            .sorted(
                Comparator.comparingInt(PersonalDataHolder::erasureOrder)
                    .thenComparing(PersonalDataHolder::part))
            .toList();
    long distinct = all.stream().map(PersonalDataHolder::part).distinct().count();
    if (distinct != all.size()) {
      throw new IllegalStateException("two personal-data holders share a part name: " + all);
    }
    return all;
  }
}
