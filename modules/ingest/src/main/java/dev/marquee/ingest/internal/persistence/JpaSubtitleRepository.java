package dev.marquee.ingest.internal.persistence;

import dev.marquee.ingest.api.SubtitleFile;
import dev.marquee.ingest.internal.domain.SubtitleRepository;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

@ApplicationScoped
public class JpaSubtitleRepository implements SubtitleRepository {
  @PersistenceContext(unitName = "ingest")
  private EntityManager em;

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Override
  public void put(
      UUID titleId,
      String language,
      String storageKey,
      int cues,
      String sourceFormat,
      UUID uploadedBy) {
    em.createNativeQuery(
            "INSERT INTO ingest.subtitles (title_id, language, storage_key, cue_count, source_format, uploaded_by, created_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (title_id, language) DO UPDATE SET"
                + " storage_key = EXCLUDED.storage_key, cue_count = EXCLUDED.cue_count,"
                + " source_format = EXCLUDED.source_format, uploaded_by = EXCLUDED.uploaded_by,"
                + " created_at = EXCLUDED.created_at")
        .setParameter(1, titleId)
        .setParameter(2, language)
        .setParameter(3, storageKey)
        .setParameter(4, cues)
        .setParameter(5, sourceFormat)
        .setParameter(6, uploadedBy)
        .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
        .executeUpdate();
  }

  /**
   * Plain SQL, not the entity manager: every session start and manifest reads it, and outside a
   * transaction the entity manager would be made for this one query.
   */
  @Override
  public List<SubtitleFile> ofTitle(UUID titleId) {
    return PlainSql.query(
        db,
        "read the subtitles",
        "SELECT language, storage_key, cue_count FROM ingest.subtitles WHERE title_id = ?"
            + " ORDER BY language",
        r -> new SubtitleFile(r.getString(1), r.getString(2), r.getInt(3)),
        titleId);
  }
}
