package org.precisionrx.gateway.cdshooks.card;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.precisionrx.common.v1.Citation;

/** Citations as Markdown list items: the guideline linked to PubMed when there is a PMID, else the label or URL. */
final class Evidence {

    static final String PUBMED = "https://pubmed.ncbi.nlm.nih.gov/";

    private Evidence() {
    }

    /** One line per distinct citation, in first-seen order; empty when none says anything. */
    static List<String> lines(Collection<Citation> citations) {
        Set<String> lines = new LinkedHashSet<>();
        citations.forEach(c -> {
            String line = line(c);
            if (!line.isEmpty()) {
                lines.add(line);
            }
        });
        return List.copyOf(lines);
    }

    static String line(Citation c) {
        String name = !c.getGuideline().isBlank() ? c.getGuideline() : c.getLabel();
        if (!c.getPmid().isBlank()) {
            String pmid = c.getPmid().strip();
            return "[" + (name.isBlank() ? "PMID " + pmid : name) + "](" + PUBMED + pmid + "/) (PMID " + pmid + ")";
        }
        if (!c.getUrl().isBlank()) {
            return "[" + (name.isBlank() ? c.getUrl() : name) + "](" + c.getUrl() + ")";
        }
        return name;
    }
}
