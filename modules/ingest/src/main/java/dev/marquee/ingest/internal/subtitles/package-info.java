/** Subtitle files added to a title: SRT or WebVTT in, validated WebVTT out. */
package dev.marquee.ingest.internal.subtitles;
