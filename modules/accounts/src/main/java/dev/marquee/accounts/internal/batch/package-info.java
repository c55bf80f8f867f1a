/** Accounts' batch artifacts: housekeeping jobs an operator starts. */
package dev.marquee.accounts.internal.batch;
