/**
 * Uploads of masters (the entity, the part plan, the rules a master must meet), subtitle and audio
 * track entities with their repositories, and the conversion of SRT subtitles to WebVTT.
 */
package dev.marquee.ingest.internal.domain;
