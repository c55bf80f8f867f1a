/**
 * HTTP face of DRM: the licence server, offline licences, the audit trail and key administration.
 */
package dev.marquee.drm.internal.rest;
