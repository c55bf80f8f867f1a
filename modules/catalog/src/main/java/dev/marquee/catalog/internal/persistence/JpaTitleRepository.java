package dev.marquee.catalog.internal.persistence;

import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.internal.domain.Title;
import dev.marquee.catalog.internal.domain.TitleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaTitleRepository implements TitleRepository {
  @PersistenceContext(unitName = "catalog")
  private EntityManager em;

  @Override
  public Optional<Title> title(UUID id) {
    return Optional.ofNullable(em.find(Title.class, id));
  }

  @Override
  public List<Title> published(int limit) {
    return em.createQuery(
            "SELECT t FROM Title t WHERE t.state = :state ORDER BY t.createdAt DESC", Title.class)
        .setParameter("state", TitleState.PUBLISHED)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Optional<Title> titleForUpdate(UUID id) {
    return Optional.ofNullable(em.find(Title.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void add(Title title) {
    em.persist(title);
  }

  @Override
  public boolean categoryExists(String slug) {
    return !em.createNativeQuery("SELECT 1 FROM catalog.categories WHERE slug = ?1")
        .setParameter(1, slug)
        .getResultList()
        .isEmpty();
  }
}
