/** PostgreSQL LISTEN/NOTIFY: one listening connection per server, re-opened when it dies. */
package dev.marquee.platform.internal.notify;
