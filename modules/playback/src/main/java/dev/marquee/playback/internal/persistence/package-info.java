/**
 * Playback's plain-SQL stores (sessions, positions, QoE, offline licences, the licence audit and
 * its group commit) and the viewer's data export and erasure.
 */
package dev.marquee.playback.internal.persistence;
