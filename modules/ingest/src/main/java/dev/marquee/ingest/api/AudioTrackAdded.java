package dev.marquee.ingest.api;

import dev.marquee.catalog.api.TitleId;

/** Published after commit when an audio track was added to (or replaced on) a title. */
public record AudioTrackAdded(TitleId titleId, AddedAudio track) {}
