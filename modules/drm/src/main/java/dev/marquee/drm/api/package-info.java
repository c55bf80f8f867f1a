/**
 * The DRM module's face: content keys, sample encryption and licences (built in the DRM issue).
 *
 * <p>Other modules may use only this package of the drm module.
 */
package dev.marquee.drm.api;
