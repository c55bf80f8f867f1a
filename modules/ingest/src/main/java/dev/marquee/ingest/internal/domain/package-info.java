/**
 * Uploads of masters (the entity, the part plan, the rules a master must meet), the repository
 * interfaces of subtitle files and added audio tracks, and the conversion of SRT subtitles to
 * WebVTT.
 */
package dev.marquee.ingest.internal.domain;
