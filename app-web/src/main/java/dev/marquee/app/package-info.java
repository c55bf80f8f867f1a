/** Wiring of the one web module: the JAX-RS application and its security method. */
package dev.marquee.app;
