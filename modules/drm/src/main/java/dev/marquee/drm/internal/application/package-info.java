/**
 * The key vault's use cases: the facade, content keys made on first use, the one-minute cache of a
 * title's unwrapped keys for the licence server, and re-wrapping under the active KEK.
 */
package dev.marquee.drm.internal.application;
