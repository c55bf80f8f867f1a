package dev.marquee.accounts.internal.persistence;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.accounts.api.PlanView;
import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.accounts.api.ViewingContext;
import dev.marquee.accounts.internal.domain.EntitlementRules;
import dev.marquee.accounts.internal.domain.TitleGrant;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The licence server's view of a viewer in one SQL round trip: account, profile, device, active
 * subscription with its plan, and the title's grants as rows of a lateral join. The entitlement is
 * then decided by the same rules as everywhere else ({@link EntitlementRules#decide}).
 */
@ApplicationScoped
public class ViewingContextQuery {
  private static final String SQL =
      "SELECT a.country, p.maturity_cap, d.security_level, s.period_start, s.period_end,"
          + " pl.code, pl.name, pl.max_height, pl.max_streams, pl.offline_licences,"
          + " g.kind, g.max_height, g.start_by, g.rental_hours, g.first_played_at, g.revoked_at"
          + " FROM accounts.accounts a"
          + " LEFT JOIN accounts.profiles p ON p.id = ? AND p.account_id = a.id"
          + " LEFT JOIN accounts.devices d ON d.id = ? AND d.account_id = a.id"
          + "   AND d.removed_at IS NULL"
          + " LEFT JOIN accounts.subscriptions s ON s.account_id = a.id AND s.status = 'ACTIVE'"
          + " LEFT JOIN accounts.plans pl ON pl.code = s.plan_code"
          + " LEFT JOIN accounts.title_grants g ON g.account_id = a.id AND g.title_id = ?"
          + " WHERE a.id = ?";

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  public Optional<ViewingContext> read(
      UUID account, UUID profile, UUID device, UUID title, Instant at) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(SQL)) {
      s.setObject(1, profile);
      s.setObject(2, device);
      s.setObject(3, title);
      s.setObject(4, account);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        String country = r.getString(1);
        String cap = r.getString(2);
        String level = r.getString(3);
        OffsetDateTime periodStart = time(r, 4);
        Optional<EntitlementRules.SubscriptionFacts> subscription =
            periodStart == null
                ? Optional.empty()
                : Optional.of(new EntitlementRules.SubscriptionFacts(periodStart, time(r, 5)));
        Optional<PlanView> plan =
            r.getString(6) == null
                ? Optional.empty()
                : Optional.of(
                    new PlanView(
                        r.getString(6), r.getString(7), r.getInt(8), r.getInt(9), r.getInt(10)));
        List<TitleGrant> grants = new ArrayList<>();
        do {
          if (r.getString(11) != null) {
            Integer hours = r.getObject(14) == null ? null : r.getInt(14);
            grants.add(
                TitleGrant.restored(
                    r.getString(11), r.getInt(12), time(r, 13), hours, time(r, 15), time(r, 16)));
          }
        } while (r.next());
        return Optional.of(
            new ViewingContext(
                country == null ? null : country.strip(),
                Optional.ofNullable(cap).map(MaturityRating::valueOf),
                Optional.ofNullable(level).map(SecurityLevel::valueOf),
                EntitlementRules.decide(subscription, plan, grants, at)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the viewing context: " + e.getMessage(), e);
    }
  }

  /** Read as the driver's own type: a {@code Timestamp} goes through a Calendar on every call. */
  private static OffsetDateTime time(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
