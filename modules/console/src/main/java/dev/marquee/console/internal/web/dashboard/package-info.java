/**
 * The admin console's dashboard: titles by state, jobs running and failed, licence outcomes of the
 * last 24 hours, QoE and engagement per day, as PrimeFaces charts with tables of the same figures,
 * each linking to the filtered page behind it.
 */
package dev.marquee.console.internal.web.dashboard;
