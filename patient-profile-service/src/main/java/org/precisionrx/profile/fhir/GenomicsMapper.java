package org.precisionrx.profile.fhir;

import static org.precisionrx.profile.fhir.FhirValues.LOINC;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Pharmacogenomic results in the HL7 Genomics Reporting IG shape: a genotype (LOINC 84413-4) or a
 * drug-metabolism phenotype (LOINC 53040-2) with the gene in a "gene studied" component (48018-6).
 * Diplotypes are kept as written; the profile normalises and translates them itself.
 */
final class GenomicsMapper {

    static final String GENOTYPE = "84413-4";
    static final String DRUG_METABOLISM_EFFECT = "53040-2";
    static final String GENE_STUDIED = "48018-6";
    private static final String HGNC = "http://www.genenames.org";

    /** e.g. "HLA-B*57:01 positive", "*57:01 not detected": an allele carrier test, not a diplotype. */
    private static final Pattern HLA_RESULT = Pattern.compile(
            "^(HLA-[A-Z0-9]+)?\\*(\\d{2,3}(?::\\d{2,3}){1,3})\\s+(positive|negative|present|absent|detected|not detected)$",
            Pattern.CASE_INSENSITIVE);

    void genotype(PayloadEntry entry, Observation o, Instant at, PatientRecordBuilder out) {
        String gene = gene(entry, o, out);
        String value = valueText(entry, o, "genotype", out);
        if (gene == null || value == null) {
            return;
        }
        Matcher hla = HLA_RESULT.matcher(value);
        if (gene.startsWith("HLA-") && hla.matches()) {
            String locus = hla.group(1) != null ? hla.group(1).toUpperCase(Locale.ROOT) : gene;
            String result = hla.group(3).toLowerCase(Locale.ROOT);
            boolean carrier = result.equals("positive") || result.equals("present") || result.equals("detected");
            out.hla(locus + "*" + hla.group(2), carrier, at);
        } else {
            out.diplotype(gene, value, at);
        }
    }

    void phenotype(PayloadEntry entry, Observation o, Instant at, PatientRecordBuilder out) {
        String gene = gene(entry, o, out);
        String value = valueText(entry, o, "phenotype", out);
        if (gene != null && value != null) {
            out.phenotype(gene, value, at);
        }
    }

    /** Gene symbol from the gene-studied component: HGNC coding display, else text, else any display. */
    private static String gene(PayloadEntry entry, Observation o, PatientRecordBuilder out) {
        for (Observation.ObservationComponentComponent component : o.getComponent()) {
            if (!FhirValues.hasCode(component.getCode(), LOINC, GENE_STUDIED)) {
                continue;
            }
            String symbol = null;
            if (component.getValue() instanceof CodeableConcept concept) {
                symbol = concept.getCoding().stream()
                        .filter(c -> c.hasSystem() && c.getSystem().startsWith(HGNC) && c.hasDisplay())
                        .map(Coding::getDisplay).findFirst().orElse(FhirValues.text(concept));
            } else if (component.getValue() instanceof StringType s) {
                symbol = s.getValue();
            }
            if (symbol != null && !symbol.isBlank()) {
                return symbol.trim().toUpperCase(Locale.ROOT);
            }
        }
        out.problem(entry, "component[" + GENE_STUDIED + "]", "gene studied component is missing or has no gene");
        return null;
    }

    /** valueCodeableConcept text / coding display / coding code, or valueString; null (reported) if absent. */
    private static String valueText(PayloadEntry entry, Observation o, String what, PatientRecordBuilder out) {
        Type value = o.getValue();
        String text = null;
        if (value instanceof CodeableConcept concept) {
            text = FhirValues.text(concept);
            if (text == null) {
                text = concept.getCoding().stream().filter(Coding::hasCode).map(Coding::getCode)
                        .findFirst().orElse(null);
            }
        } else if (value instanceof StringType s) {
            text = s.getValue();
        }
        if (text == null || text.isBlank()) {
            out.problem(entry, "value[x]", what + " has no value");
            return null;
        }
        return text.trim();
    }
}
