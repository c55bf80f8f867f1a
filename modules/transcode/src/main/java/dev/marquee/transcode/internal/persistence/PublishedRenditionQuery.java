package dev.marquee.transcode.internal.persistence;

import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Which renditions a title plays now, in one plain-SQL round trip: those of its latest published
 * job, in manifest order (kind, height, name).
 */
@ApplicationScoped
public class PublishedRenditionQuery {
  private static final String IDS =
      "SELECT r.id FROM transcode.renditions r WHERE r.job_id = (SELECT j.id FROM transcode.jobs j"
          + " WHERE j.title_id = ? AND j.state = 'PUBLISHED' ORDER BY j.created_at DESC LIMIT 1)"
          + " ORDER BY r.kind, r.height, r.name";

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** The rendition ids, none when the title has no published job. */
  public List<UUID> renditionIds(UUID title) {
    return PlainSql.query(
        db, "read the published renditions", IDS, r -> r.getObject(1, UUID.class), title);
  }
}
