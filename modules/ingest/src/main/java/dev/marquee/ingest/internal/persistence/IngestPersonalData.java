package dev.marquee.ingest.internal.persistence;

import dev.marquee.accounts.api.DataSubject;
import dev.marquee.accounts.api.PersonalDataHolder;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What ingest holds about an account: a creator's uploads, subtitle files and added audio tracks.
 * The masters and what was made of them are the platform's content and stay; erasure replaces the
 * creator's id with the pseudonym.
 */
@ApplicationScoped
public class IngestPersonalData implements PersonalDataHolder {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Override
  public String part() {
    return "ingest";
  }

  @Override
  public int erasureOrder() {
    return 40;
  }

  @Override
  public JsonObject export(DataSubject subject) {
    UUID account = subject.account().value();
    try (Connection c = db.getConnection()) {
      return Json.createObjectBuilder()
          .add(
              "uploads",
              PlainSql.jsonRows(
                  c,
                  "SELECT id, file_name AS \"fileName\", size_bytes AS \"sizeBytes\", sha256,"
                      + " state, failure_type AS \"failureType\", title_id AS \"titleId\","
                      + " created_at AS \"createdAt\", updated_at AS \"updatedAt\""
                      + " FROM ingest.uploads WHERE owner_id = ? ORDER BY created_at",
                  account))
          .add(
              "subtitles",
              PlainSql.jsonRows(
                  c,
                  "SELECT title_id AS \"titleId\", language, source_format AS \"sourceFormat\","
                      + " created_at AS \"createdAt\" FROM ingest.subtitles"
                      + " WHERE uploaded_by = ? ORDER BY created_at",
                  account))
          .add(
              "audioTracks",
              PlainSql.jsonRows(
                  c,
                  "SELECT title_id AS \"titleId\", language, role, created_at AS \"createdAt\""
                      + " FROM ingest.audio_tracks WHERE added_by = ? ORDER BY created_at",
                  account))
          .build();
    } catch (SQLException e) {
      throw new IllegalStateException("could not export ingest data: " + e.getMessage(), e);
    }
  }

  @Override
  public void erase(DataSubject subject, UUID pseudonym) {
    UUID account = subject.account().value();
    try (Connection c = db.getConnection()) {
      PlainSql.update(
          c,
          "UPDATE ingest.uploads SET owner_id = ?, version = version + 1 WHERE owner_id = ?",
          pseudonym,
          account);
      PlainSql.update(
          c,
          "UPDATE ingest.subtitles SET uploaded_by = ? WHERE uploaded_by = ?",
          pseudonym,
          account);
      PlainSql.update(
          c, "UPDATE ingest.audio_tracks SET added_by = ? WHERE added_by = ?", pseudonym, account);
    } catch (SQLException e) {
      throw new IllegalStateException("could not erase ingest data: " + e.getMessage(), e);
    }
  }
}
