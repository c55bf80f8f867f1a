package dev.marquee.catalog.internal.application;

import dev.marquee.catalog.internal.domain.LikeCount;
import dev.marquee.catalog.internal.domain.ReactionKind;
import dev.marquee.catalog.internal.persistence.ReactionStore;
import dev.marquee.catalog.internal.persistence.TitleCheck;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Favourites and likes: one per profile and title, idempotent. A like moves the title's popularity
 * (search's popularity sort) in the same transaction.
 */
@ApplicationScoped
public class Reactions {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** Adds the reaction; true if it is new. */
  @Transactional
  public boolean add(ReactionKind kind, UUID account, UUID profile, UUID title) {
    return PlainSql.call(
        db,
        "store a reaction",
        c -> {
          TitleCheck.published(c, title);
          if (kind == ReactionKind.LIKE) {
            ReactionStore.lockAccountsLikes(c, account, title);
          }
          boolean added = ReactionStore.insert(c, kind, profile, title, account);
          // Popularity counts accounts, not profiles: only an account's first like adds.
          if (added
              && kind == ReactionKind.LIKE
              && ReactionStore.likesOfAccount(c, account, title) == 1) {
            ReactionStore.popularity(c, title, 1);
          }
          return added;
        });
  }

  /** Removes the reaction; true if there was one. */
  @Transactional
  public boolean remove(ReactionKind kind, UUID account, UUID profile, UUID title) {
    return PlainSql.call(
        db,
        "remove a reaction",
        c -> {
          if (kind == ReactionKind.LIKE) {
            ReactionStore.lockAccountsLikes(c, account, title);
          }
          boolean removed = ReactionStore.delete(c, kind, profile, title);
          // The account's last like of the title takes its popularity back.
          if (removed
              && kind == ReactionKind.LIKE
              && ReactionStore.likesOfAccount(c, account, title) == 0) {
            ReactionStore.popularity(c, title, -1);
          }
          return removed;
        });
  }

  /** The profile's reactions of this kind, newest first. */
  public List<String> ofProfile(ReactionKind kind, UUID profile) {
    return PlainSql.call(db, "read reactions", c -> ReactionStore.ofProfile(c, kind, profile));
  }

  public LikeCount likes(UUID title, UUID profile) {
    return PlainSql.call(db, "count likes", c -> ReactionStore.likes(c, title, profile));
  }
}
