package org.precisionrx.profile.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.jpa.HibernateHints;
import org.precisionrx.profile.entity.PatientEntity;

/**
 * Loads patients with every record of their profile in a fixed number of statements: one for the
 * patients with their identifiers and one per record table, however many patients and records.
 *
 * <p>One statement joining all seven tables would return, per patient, the product of its record
 * counts (12 genes × 20 labs × 10 medications × 8 conditions is 19,200 rows for one profile), and
 * lazy loading costs a statement per patient and table. So each table is read once, by patient id,
 * into the patients already loaded in this persistence context. Read-only: nothing is dirty-checked.
 */
@ApplicationScoped
public class ProfileGraphLoader {

    /** The record collections of {@link PatientEntity} other than identifiers (fetched with the patients). */
    private static final List<String> RECORDS = List.of("genetics", "hla", "conditions", "medications", "labs", "allergies");

    private final EntityManager em;

    public ProfileGraphLoader(EntityManager em) {
        this.em = em;
    }

    /** The stored patients among {@code ids}, in no particular order, with all records loaded. */
    public List<PatientEntity> load(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<PatientEntity> patients = fetch("identifiers", ids);
        if (!patients.isEmpty()) {
            List<UUID> found = patients.stream().map(p -> p.id).toList();
            RECORDS.forEach(records -> fetch(records, found));
        }
        return patients;
    }

    private List<PatientEntity> fetch(String collection, Collection<UUID> ids) {
        return em.createQuery("select p from PatientEntity p left join fetch p." + collection + " where p.id in :ids",
                        PatientEntity.class)
                .setParameter("ids", ids)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }
}
