package dev.marquee.ingest.api;

/** A WebVTT subtitle file of a title: its language (as uploaded), object key and cue count. */
public record SubtitleFile(String language, String storageKey, int cues) {}
