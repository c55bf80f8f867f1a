/**
 * Jakarta Batch artifacts of the transcode-title job: plan, encode partitions, package, publish.
 */
package dev.marquee.transcode.internal.batch;
