/**
 * Content keys at rest: made on first use, wrapped by the configured key-encryption keys,
 * re-wrapped on rotation.
 */
package dev.marquee.drm.internal.keys;
