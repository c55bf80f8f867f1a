/**
 * JTA transactions begun in code ({@code platform.api.Transactions}) for work the
 * {@code @Transactional} interceptor cannot reach.
 */
package dev.marquee.platform.internal.jta;
