/** Turns every failure into RFC 9457 problem JSON, and the operator's dependency check endpoint. */
package dev.marquee.platform.internal.rest;
