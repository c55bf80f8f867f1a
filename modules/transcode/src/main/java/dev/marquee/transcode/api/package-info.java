/**
 * The transcode module's face: starting and following transcode jobs (built in the media pipeline
 * issue).
 *
 * <p>Other modules may use only this package of the transcode module.
 */
package dev.marquee.transcode.api;
