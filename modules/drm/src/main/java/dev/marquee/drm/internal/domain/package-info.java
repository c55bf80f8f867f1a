/** The key-encryption keys (wrapping and unwrapping content keys) and what a wrapping reports. */
package dev.marquee.drm.internal.domain;
