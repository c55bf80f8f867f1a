/** JPA implementations of the accounts repositories (persistence unit "accounts"). */
package dev.marquee.accounts.internal.persistence;
