/**
 * The drm module's face, the key vault: content keys made for the packager, a title's key ids, the
 * keys of a granted licence (for playback's licence server), and the key-encryption keys' state and
 * re-wrapping, never their material.
 *
 * <p>Other modules may use only this package of the drm module.
 */
package dev.marquee.drm.api;
