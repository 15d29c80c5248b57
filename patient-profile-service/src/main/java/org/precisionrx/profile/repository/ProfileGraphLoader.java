package org.precisionrx.profile.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Hibernate;
import org.hibernate.jpa.HibernateHints;
import org.precisionrx.profile.entity.PatientEntity;

/**
 * Loads patients with every record of their profile in a fixed number of statements: one for the
 * patients and one per record table, however many patients (up to the batch size) and records.
 *
 * <p>Initialising one patient's collection makes Hibernate load that collection for every patient
 * in this persistence context in one {@code where patient_id = any(?)} statement
 * ({@code quarkus.hibernate-orm.fetch.batch-size}, which must cover a whole page). That reads only
 * the record table, by its patient_id index. One statement joining all seven tables would instead
 * return, per patient, the product of its record counts (12 genes × 20 labs × 10 medications × 8
 * conditions is 19,200 rows for one profile), and a fetch join per table would read the patient
 * table again each time. Read-only: nothing is dirty-checked at commit.
 */
@ApplicationScoped
public class ProfileGraphLoader {

    private static final List<Function<PatientEntity, Collection<?>>> RECORDS = List.of(
            p -> p.identifiers, p -> p.genetics, p -> p.hla, p -> p.conditions, p -> p.medications, p -> p.labs,
            p -> p.allergies);

    private final EntityManager em;

    public ProfileGraphLoader(EntityManager em) {
        this.em = em;
    }

    /** The stored patients among {@code ids}, in no particular order, with all records loaded. */
    public List<PatientEntity> load(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<PatientEntity> patients = em.createQuery("select p from PatientEntity p where p.id in :ids", PatientEntity.class)
                .setParameter("ids", ids)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        if (!patients.isEmpty()) {
            RECORDS.forEach(records -> Hibernate.initialize(records.apply(patients.get(0))));
        }
        return patients;
    }
}
