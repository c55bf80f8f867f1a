/**
 * What every module may use of the platform: problem errors, the object storage port, typed IDs.
 */
package dev.marquee.platform.api;
