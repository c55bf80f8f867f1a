/**
 * Plain-SQL reads and writes of playback's rows that serve other modules: the personal-data part.
 */
package dev.marquee.playback.internal.persistence;
