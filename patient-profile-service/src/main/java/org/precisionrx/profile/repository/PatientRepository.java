package org.precisionrx.profile.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import org.precisionrx.profile.entity.PatientEntity;
import org.precisionrx.profile.ingest.ExternalId;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<PatientEntity, UUID> {

    /** The patients any of these identifiers already belong to (normally zero or one). */
    public List<PatientEntity> findByIdentifiers(List<ExternalId> ids) {
        return ids.stream()
                .map(this::findByIdentifier)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    public Optional<PatientEntity> findByIdentifier(ExternalId id) {
        return find("select i.patient from IdentifierEntity i where i.kind = ?1 and i.system = ?2 and i.value = ?3",
                id.kind(), id.system(), id.value()).firstResultOptional();
    }

    /** One page in creation order, starting after the given position (keyset paging). */
    public List<PatientEntity> pageAfter(Instant createdAt, UUID id, int size) {
        Sort order = Sort.by("createdAt").and("id");
        if (createdAt == null) {
            return findAll(order).page(Page.ofSize(size)).list();
        }
        return find("(createdAt, id) > (?1, ?2)", order, createdAt, id)
                .page(Page.ofSize(size)).list();
    }

    /**
     * The ids of one page in creation order after the given position. The row comparison lets
     * PostgreSQL start an index-only scan of (created_at, id) at the position; the equivalent
     * {@code a > x or (a = x and b > y)} made it filter every earlier row (README, Performance).
     */
    public List<UUID> idsAfter(Instant createdAt, UUID id, int size) {
        String after = createdAt == null ? "" : " where (p.createdAt, p.id) > (:createdAt, :id)";
        var query = getEntityManager().createQuery(
                "select p.id from PatientEntity p" + after + " order by p.createdAt, p.id", UUID.class);
        if (createdAt != null) {
            query.setParameter("createdAt", createdAt).setParameter("id", id);
        }
        return query.setMaxResults(size).getResultList();
    }
}
