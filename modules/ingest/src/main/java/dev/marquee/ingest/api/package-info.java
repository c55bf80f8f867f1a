/**
 * The ingest module's face: uploads of masters and their validation (built in the media pipeline
 * issue).
 *
 * <p>Other modules may use only this package of the ingest module.
 */
package dev.marquee.ingest.api;
