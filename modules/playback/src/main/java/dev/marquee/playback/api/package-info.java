/**
 * The playback module's face: today only what the console reads of QoE reports ({@link
 * dev.marquee.playback.api.QoeFacade}); sessions, manifests and positions have only HTTP faces.
 *
 * <p>Other modules may use only this package of the playback module.
 */
package dev.marquee.playback.api;
