/**
 * The playback module's face: sessions, manifests and watch positions (built in the playback
 * issue).
 *
 * <p>Other modules may use only this package of the playback module.
 */
package dev.marquee.playback.api;
