/**
 * Playback sessions: start under the plan's stream limit, heartbeats, stop, and the HMAC tokens the
 * licence server verifies.
 */
package dev.marquee.playback.internal.session;
