/**
 * The console module's face: the admin and batch consoles (built with the console work).
 *
 * <p>Other modules may use only this package of the console module.
 */
package dev.marquee.console.api;
