package dev.marquee.transcode.api;

import dev.marquee.catalog.api.TitleId;
import java.util.List;

/** What other modules (playback) may ask of transcode. */
public interface TranscodeFacade {
  /** The renditions of the title's latest published transcode, lowest first; empty if none. */
  List<RenditionView> renditions(TitleId title);
}
