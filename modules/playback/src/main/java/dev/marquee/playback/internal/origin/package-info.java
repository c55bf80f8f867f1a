/**
 * Signed segment URLs: HMAC over a title prefix and an expiry, verifiable by an edge without the
 * database.
 */
package dev.marquee.playback.internal.origin;
