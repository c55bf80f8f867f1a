package dev.marquee.accounts.api;

import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * A port every module that keeps data about an account implements (accounts may depend on no
 * business module, so the others come to it): its part of the account's data export, and its step
 * of the account's erasure. Accounts finds the implementations through CDI and calls each in its
 * own transaction.
 *
 * <p>Both methods run inside the caller's JTA transaction and must not commit or roll back on their
 * own (plain JDBC on {@code jdbc/marquee} joins it): the erasure step and the record that it is
 * done commit together.
 */
public interface PersonalDataHolder {

  /**
   * The part's name: its member in the export and its step in the erasure. Stable and unique, at
   * most 32 characters; the module's name.
   */
  String part();

  /**
   * When this part is erased relative to the others, lowest first. Parts whose rows can still grow
   * while others are erased (a live playback session writes licence audit and QoE rows) go first.
   */
  default int erasureOrder() {
    return 100;
  }

  /** Everything this module holds about the subject, as one JSON object. */
  JsonObject export(DataSubject subject);

  /**
   * Erases the subject's rows, or replaces the subject's ids in rows that must stay (audit trails,
   * content the platform keeps) with {@code pseudonym}, the same for every part of one erasure.
   * Idempotent: a step interrupted by a crash runs again from the start.
   */
  void erase(DataSubject subject, UUID pseudonym);
}
