/** The console's sign-in, session and the server-side role check of every console request. */
package dev.marquee.console.internal.web;
