/**
 * The playback module's face: what the console reads of QoE reports ({@link
 * dev.marquee.playback.api.QoeFacade}) and of the licence audit trail ({@link
 * dev.marquee.playback.api.LicenceAuditFacade}); sessions, manifests, licences and positions have
 * only HTTP faces.
 *
 * <p>Other modules may use only this package of the playback module.
 */
package dev.marquee.playback.api;
