/**
 * JPA implementations of the accounts repositories (persistence unit "accounts"), and plain SQL
 * where claiming or bulk deletes need it: erasure requests and the accounts part of personal data.
 */
package dev.marquee.accounts.internal.persistence;
