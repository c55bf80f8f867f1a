/**
 * The admin console's key-encryption keys: which KEK wraps how many content keys, and the re-wrap
 * under the active one, through the drm facade. Ids and counts only, never key material.
 */
package dev.marquee.console.internal.web.keys;
