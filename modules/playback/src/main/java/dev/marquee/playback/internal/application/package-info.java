/**
 * Playback's use cases: session start, heartbeat and stop; the playback rules and the licence
 * decision (ADR 45); resume positions and their push to other devices; QoE reports; the facades the
 * console reads; each server's per-session manifests.
 */
package dev.marquee.playback.internal.application;
