package dev.marquee.ingest.internal.persistence;

import dev.marquee.ingest.api.AddedAudio;
import dev.marquee.ingest.internal.domain.AudioTrackRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JpaAudioTrackRepository implements AudioTrackRepository {
  @PersistenceContext(unitName = "ingest")
  private EntityManager em;

  @Override
  @Transactional
  public void put(UUID titleId, AddedAudio track, UUID addedBy) {
    em.createNativeQuery(
            "INSERT INTO ingest.audio_tracks (title_id, language, role, storage_key, stream_index,"
                + " codec, channels, duration_ms, added_by, created_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                + " ON CONFLICT (title_id, language, role) DO UPDATE SET"
                + " storage_key = EXCLUDED.storage_key, stream_index = EXCLUDED.stream_index,"
                + " codec = EXCLUDED.codec, channels = EXCLUDED.channels,"
                + " duration_ms = EXCLUDED.duration_ms, added_by = EXCLUDED.added_by,"
                + " created_at = EXCLUDED.created_at")
        .setParameter(1, titleId)
        .setParameter(2, track.language())
        .setParameter(3, track.role())
        .setParameter(4, track.storageKey())
        .setParameter(5, track.streamIndex())
        .setParameter(6, track.codec())
        .setParameter(7, track.channels())
        .setParameter(8, track.durationMillis())
        .setParameter(9, addedBy)
        .setParameter(10, OffsetDateTime.now(ZoneOffset.UTC))
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AddedAudio> ofTitle(UUID titleId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT language, role, storage_key, stream_index, codec, channels, duration_ms"
                    + " FROM ingest.audio_tracks WHERE title_id = ?1 ORDER BY language, role")
            .setParameter(1, titleId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new AddedAudio(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).intValue(),
                    (String) r[4],
                    ((Number) r[5]).intValue(),
                    ((Number) r[6]).longValue()))
        .toList();
  }
}
