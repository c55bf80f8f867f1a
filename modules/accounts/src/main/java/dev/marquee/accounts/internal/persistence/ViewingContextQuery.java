package dev.marquee.accounts.internal.persistence;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.accounts.api.PlanView;
import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.accounts.api.ViewingContext;
import dev.marquee.accounts.internal.domain.EntitlementRules;
import dev.marquee.accounts.internal.domain.TitleGrant;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.SharedReads;
import dev.marquee.platform.api.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The licence server's view of a viewer in one SQL round trip: account, profile, device, active
 * subscription with its plan, and the title's grants as rows of a lateral join. The entitlement is
 * then decided at the asker's instant by the same rules as everywhere else ({@link
 * EntitlementRules#decide}).
 *
 * <p>Licences and position writes ask this on every request. Outside a transaction, concurrent
 * questions share one statement ({@link SharedReads}, ADR 49): each answer still comes from a read
 * that started after its question, so a removed device or an ended subscription counts on the next
 * request. Inside a transaction (a session start) the read is the caller's own, so that it sees
 * what the transaction wrote.
 */
@ApplicationScoped
public class ViewingContextQuery {
  private static final String COLUMNS =
      "a.country, p.maturity_cap, d.security_level, s.period_start, s.period_end,"
          + " pl.code, pl.name, pl.max_height, pl.max_streams, pl.offline_licences,"
          + " g.kind, g.max_height, g.start_by, g.rental_hours, g.first_played_at, g.revoked_at,"
          + " d.name";

  private static final String ONE =
      "SELECT 1, "
          + COLUMNS
          + " FROM accounts.accounts a"
          + " LEFT JOIN accounts.profiles p ON p.id = ? AND p.account_id = a.id"
          + " LEFT JOIN accounts.devices d ON d.id = ? AND d.account_id = a.id"
          + "   AND d.removed_at IS NULL"
          + " LEFT JOIN accounts.subscriptions s ON s.account_id = a.id AND s.status = 'ACTIVE'"
          + " LEFT JOIN accounts.plans pl ON pl.code = s.plan_code"
          + " LEFT JOIN accounts.title_grants g ON g.account_id = a.id AND g.title_id = ?"
          + " WHERE a.id = ?";

  /**
   * The same for many askers: the arrays are zipped into one row per question. Each array is behind
   * a scalar subquery so that its length is unknown to the planner whatever the batch, which lets
   * PostgreSQL keep one generic plan per connection instead of planning this seven-relation join
   * again on every execution (ADR 53).
   */
  private static final String MANY =
      "SELECT k.n, "
          + COLUMNS
          + " FROM unnest((SELECT ?::uuid[]), (SELECT ?::uuid[]), (SELECT ?::uuid[]),"
          + " (SELECT ?::uuid[]))"
          + "   WITH ORDINALITY AS k(account_id, profile_id, device_id, title_id, n)"
          + " JOIN accounts.accounts a ON a.id = k.account_id"
          + " LEFT JOIN accounts.profiles p ON p.id = k.profile_id AND p.account_id = a.id"
          + " LEFT JOIN accounts.devices d ON d.id = k.device_id AND d.account_id = a.id"
          + "   AND d.removed_at IS NULL"
          + " LEFT JOIN accounts.subscriptions s ON s.account_id = a.id AND s.status = 'ACTIVE'"
          + " LEFT JOIN accounts.plans pl ON pl.code = s.plan_code"
          + " LEFT JOIN accounts.title_grants g ON g.account_id = a.id AND g.title_id = k.title_id";

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Inject Transactions transactions;

  private final SharedReads<Question, Facts> shared =
      new SharedReads<>("read viewing contexts", 256, this::readMany);

  /** What one question asks about. */
  private record Question(UUID account, UUID profile, UUID device, UUID title) {}

  /** A title grant's columns as read. */
  private record GrantRow(
      String kind,
      int maxHeight,
      OffsetDateTime startBy,
      Integer rentalHours,
      OffsetDateTime firstPlayedAt,
      OffsetDateTime revokedAt) {}

  /** What the database said, before any rule is applied. */
  private record Facts(
      String country,
      String cap,
      String level,
      OffsetDateTime periodStart,
      OffsetDateTime periodEnd,
      Optional<PlanView> plan,
      List<GrantRow> grants,
      String deviceName) {}

  public Optional<ViewingContext> read(
      UUID account, UUID profile, UUID device, UUID title, Instant at) {
    Question q = new Question(account, profile, device, title);
    Facts facts = transactions.active() ? readOne(q) : shared.read(q);
    return Optional.ofNullable(facts).map(f -> context(f, at));
  }

  private static ViewingContext context(Facts f, Instant at) {
    Optional<EntitlementRules.SubscriptionFacts> subscription =
        f.periodStart() == null
            ? Optional.empty()
            : Optional.of(new EntitlementRules.SubscriptionFacts(f.periodStart(), f.periodEnd()));
    List<TitleGrant> grants = new ArrayList<>(f.grants().size());
    for (GrantRow g : f.grants()) {
      grants.add(
          TitleGrant.restored(
              g.kind(),
              g.maxHeight(),
              g.startBy(),
              g.rentalHours(),
              g.firstPlayedAt(),
              g.revokedAt()));
    }
    return new ViewingContext(
        f.country() == null ? null : f.country().strip(),
        Optional.ofNullable(f.cap()).map(MaturityRating::valueOf),
        Optional.ofNullable(f.level()).map(SecurityLevel::valueOf),
        EntitlementRules.decide(subscription, f.plan(), grants, at),
        f.deviceName());
  }

  private Facts readOne(Question q) {
    return PlainSql.call(
        db,
        "read the viewing context",
        c -> {
          try (PreparedStatement s = c.prepareStatement(ONE)) {
            s.setObject(1, q.profile());
            s.setObject(2, q.device());
            s.setObject(3, q.title());
            s.setObject(4, q.account());
            try (ResultSet r = s.executeQuery()) {
              return collect(r, List.of(q)).get(q);
            }
          }
        });
  }

  private Map<Question, Facts> readMany(Set<Question> questions) {
    List<Question> asked = List.copyOf(questions);
    Object[][] columns = new Object[4][asked.size()];
    for (int i = 0; i < asked.size(); i++) {
      Question q = asked.get(i);
      columns[0][i] = q.account();
      columns[1][i] = q.profile();
      columns[2][i] = q.device();
      columns[3][i] = q.title();
    }
    return PlainSql.call(
        db,
        "read viewing contexts",
        c -> {
          try (PreparedStatement s = c.prepareStatement(MANY)) {
            for (int i = 0; i < columns.length; i++) {
              s.setArray(i + 1, c.createArrayOf("uuid", columns[i]));
            }
            try (ResultSet r = s.executeQuery()) {
              return collect(r, asked);
            }
          }
        });
  }

  /**
   * Groups rows by question: column 1 says whose row it is (the 1-based position in {@code asked});
   * the first row carries the account's facts and every row may carry a grant.
   */
  private static Map<Question, Facts> collect(ResultSet r, List<Question> asked)
      throws SQLException {
    Map<Question, Facts> found = new HashMap<>();
    while (r.next()) {
      Question q = asked.get(r.getInt(1) - 1);
      Facts f = found.get(q);
      if (f == null) {
        f =
            new Facts(
                r.getString(2),
                r.getString(3),
                r.getString(4),
                time(r, 5),
                time(r, 6),
                r.getString(7) == null
                    ? Optional.empty()
                    : Optional.of(
                        new PlanView(
                            r.getString(7),
                            r.getString(8),
                            r.getInt(9),
                            r.getInt(10),
                            r.getInt(11))),
                new ArrayList<>(),
                r.getString(18));
        found.put(q, f);
      }
      if (r.getString(12) != null) {
        Integer hours = r.getObject(15) == null ? null : r.getInt(15);
        f.grants()
            .add(
                new GrantRow(
                    r.getString(12), r.getInt(13), time(r, 14), hours, time(r, 16), time(r, 17)));
      }
    }
    return found;
  }

  /** Read as the driver's own type: a {@code Timestamp} goes through a Calendar on every call. */
  private static OffsetDateTime time(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
