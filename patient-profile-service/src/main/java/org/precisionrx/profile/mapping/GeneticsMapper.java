package org.precisionrx.profile.mapping;

import static org.precisionrx.profile.mapping.ProtoValues.orEmpty;
import static org.precisionrx.profile.mapping.ProtoValues.timestamp;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.precisionrx.profile.entity.GeneticResultEntity;
import org.precisionrx.profile.entity.HlaResultEntity;
import org.precisionrx.profile.entity.PatientEntity;
import org.precisionrx.profile.pgx.DiplotypeSyntaxException;
import org.precisionrx.profile.pgx.HlaBCarrierStatus;
import org.precisionrx.profile.pgx.PgxKnowledge;
import org.precisionrx.profile.pgx.PhenotypeCall;
import org.precisionrx.profile.v1.CarrierStatus;
import org.precisionrx.profile.v1.GeneResult;
import org.precisionrx.profile.v1.Genetics;
import org.precisionrx.profile.v1.HlaResult;
import org.precisionrx.profile.v1.PhenotypeBasis;

/**
 * Translates stored diplotypes to CPIC phenotypes at read time, so that a table update never
 * leaves a stale phenotype behind, and derives HLA-B carrier status from HLA-B diplotypes.
 */
@ApplicationScoped
public class GeneticsMapper {

    static final String HLA_B = "HLA-B";

    private final PgxKnowledge pgx;

    public GeneticsMapper(PgxKnowledge pgx) {
        this.pgx = pgx;
    }

    public Genetics toGenetics(PatientEntity p) {
        Genetics.Builder genetics = Genetics.newBuilder();
        p.genetics.stream().sorted(Comparator.comparing(g -> g.gene)).forEach(g -> genetics.addResults(result(g)));
        hla(p).values().forEach(genetics::addHla);
        return genetics.build();
    }

    private GeneResult result(GeneticResultEntity g) {
        GeneResult.Builder result = GeneResult.newBuilder()
                .setGene(g.gene)
                .setDiplotype(orEmpty(g.diplotype))
                .setSource(EnumMapper.geneticSource(g.source))
                .setReportedPhenotype(orEmpty(g.reportedPhenotype));
        if (g.reportedAt != null) {
            result.setReportedAt(timestamp(g.reportedAt));
        }
        if (g.reportedActivityScore != null) {
            result.setReportedActivityScore(g.reportedActivityScore);
        }
        if (HLA_B.equals(g.gene)) {
            return result.setPhenotypeBasis(PhenotypeBasis.PHENOTYPE_BASIS_NONE)
                    .setPhenotypeNote("HLA-B is reported as carrier status of drug-relevant alleles; see genetics.hla")
                    .build();
        }
        if (g.diplotype == null) {
            return reportedOnly(result, g);
        }
        PhenotypeCall call = pgx.translate(g.gene, g.diplotype);
        result.setPhenotype(call.phenotype());
        if (call.activityScore() != null) {
            result.setActivityScore(call.activityScore());
        }
        if (pgx.supports(g.gene)) {
            result.setTableVersion(orEmpty(pgx.tableVersion(g.gene)));
        }
        if (!call.determinate()) {
            return result.setPhenotypeBasis(PhenotypeBasis.PHENOTYPE_BASIS_NONE).setPhenotypeNote(call.reason()).build();
        }
        result.setPhenotypeBasis(call.activityScore() != null && "CYP2D6".equals(g.gene)
                ? PhenotypeBasis.PHENOTYPE_BASIS_ACTIVITY_SCORE : PhenotypeBasis.PHENOTYPE_BASIS_CPIC_TABLE);
        if (g.reportedPhenotype != null && !g.reportedPhenotype.equalsIgnoreCase(call.phenotype())) {
            result.setPhenotypeNote("the source reported '" + g.reportedPhenotype
                    + "'; the CPIC translation of the diplotype is shown");
        }
        return result.build();
    }

    /** Without a diplotype, the lab's phenotype is the only statement; it is shown as reported. */
    private GeneResult reportedOnly(GeneResult.Builder result, GeneticResultEntity g) {
        if (g.reportedActivityScore != null) {
            result.setActivityScore(g.reportedActivityScore);
        }
        return result.setPhenotype(g.reportedPhenotype)
                .setPhenotypeBasis(PhenotypeBasis.PHENOTYPE_BASIS_REPORTED)
                .setPhenotypeNote("no diplotype was reported; phenotype as reported by the source")
                .build();
    }

    /** Explicit carrier results win over ones derived from an HLA-B diplotype. */
    private static Map<String, HlaResult> hla(PatientEntity p) {
        Map<String, HlaResult> byAllele = new LinkedHashMap<>();
        p.genetics.stream().filter(g -> HLA_B.equals(g.gene) && g.diplotype != null).forEach(g -> {
            try {
                HlaBCarrierStatus.fromDiplotype(g.diplotype).forEach((allele, carrier) ->
                        byAllele.put(allele, hlaResult(allele, carrier, g.source, g.reportedAt)));
            } catch (DiplotypeSyntaxException e) {
                // Too coarse to decide carrier status: report nothing rather than a guess.
            }
        });
        p.hla.stream().sorted(Comparator.comparing((HlaResultEntity h) -> h.allele))
                .forEach(h -> byAllele.put(h.allele, hlaResult(h.allele, h.carrier, h.source, h.reportedAt)));
        return byAllele;
    }

    private static HlaResult hlaResult(String allele, boolean carrier,
            org.precisionrx.profile.ingest.GeneticCall.GeneticSource source, java.time.Instant reportedAt) {
        HlaResult.Builder hla = HlaResult.newBuilder()
                .setAllele(allele)
                .setStatus(carrier ? CarrierStatus.CARRIER_STATUS_POSITIVE : CarrierStatus.CARRIER_STATUS_NEGATIVE)
                .setSource(EnumMapper.geneticSource(source));
        if (reportedAt != null) {
            hla.setReportedAt(timestamp(reportedAt));
        }
        return hla.build();
    }
}
