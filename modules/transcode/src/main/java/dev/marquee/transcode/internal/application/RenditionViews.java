package dev.marquee.transcode.internal.application;

import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.internal.domain.Rendition;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import dev.marquee.transcode.internal.persistence.PublishedRenditionQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The renditions of a title's latest published job, as every session start and manifest needs them.
 * A rendition never changes once recorded: it is written with all its segments in one transaction,
 * and a track encoded again replaces it with a new rendition of a new id. So its view, segment
 * index included, is kept by id, and each call reads only which renditions the title plays now (one
 * small query): a newly published job, an added audio track or a removed rendition shows at once,
 * while the segment index (thousands of rows for a feature film) is read once per server.
 */
@ApplicationScoped
public class RenditionViews {
  /** Segments held at most (some 250 bytes each); past it the views are dropped and read again. */
  static final long MAX_SEGMENTS_HELD = 400_000;

  @Inject TranscodeLedger ledger;
  @Inject PublishedRenditionQuery published;

  private final ConcurrentHashMap<UUID, RenditionView> views = new ConcurrentHashMap<>();
  private long segmentsHeld;

  public List<RenditionView> ofTitle(UUID title) {
    List<UUID> ids = published.renditionIds(title);
    List<RenditionView> known = new ArrayList<>(ids.size());
    for (UUID id : ids) {
      RenditionView view = views.get(id);
      if (view == null) {
        return readAndKeep(title);
      }
      known.add(view);
    }
    return known;
  }

  /** The full read: the latest published job, its renditions and their segments. */
  private List<RenditionView> readAndKeep(UUID title) {
    return ledger.jobsOfTitle(title).stream()
        .filter(j -> j.state() == TranscodeJob.State.PUBLISHED)
        .findFirst()
        .map(j -> ledger.renditions(j.id()).stream().map(r -> keep(r, view(r, j))).toList())
        .orElse(List.of());
  }

  /** Only on a miss, so one lock keeps the count exact. */
  private synchronized RenditionView keep(Rendition r, RenditionView view) {
    if (views.containsKey(r.id())) {
      return view;
    }
    if (segmentsHeld + view.segments().size() > MAX_SEGMENTS_HELD) {
      views.clear();
      segmentsHeld = 0;
    }
    views.put(r.id(), view);
    segmentsHeld += view.segments().size();
    return view;
  }

  private RenditionView view(Rendition r, TranscodeJob job) {
    return new RenditionView(
        r.name(),
        r.kind().name(),
        r.width(),
        r.height(),
        r.language(),
        r.role(),
        r.codecs(),
        r.timescale(),
        r.kind() == Rendition.Kind.VIDEO ? job.frameRate().fps() : null,
        r.targetBitrate(),
        r.averageBandwidth(),
        r.peakBandwidth(),
        r.initKey(),
        r.keyId() == null ? null : r.keyId().toString(),
        r.schemes(),
        ledger.segments(r.id()).stream()
            .map(
                s ->
                    new RenditionView.SegmentView(
                        s.segmentIndex(),
                        s.startTime(),
                        s.duration(),
                        s.sizeBytes(),
                        s.storageKey()))
            .toList(),
        r.tileColumns() == null
            ? null
            : new RenditionView.Tiles(r.tileColumns(), r.tileRows(), r.tileDuration()));
  }
}
