package org.precisionrx.profile.pgx;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a reported diplotype into the form the CPIC tables use: trimmed, single-spaced, without a
 * gene prefix, alleles in {@link AlleleOrder}. It checks form only; whether the alleles exist is
 * {@link PgxKnowledge}'s business.
 */
public final class DiplotypeNormalizer {

    /** Star allele with a copy number: "*1x2", "*1 X 2", "*2×3", "*41xN", "*1x≥3", "*1x>=3". */
    private static final Pattern STAR_COPIES =
            Pattern.compile("(\\*[0-9A-Za-z.]+)\\s*[xX×]\\s*(\\d+|[nN]|(?:≥|>=)\\s*\\d+)");

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private DiplotypeNormalizer() {
    }

    /**
     * @param gene gene symbol (case-insensitive); may be null for a gene-agnostic check
     * @param raw  reported diplotype, e.g. "CYP2C19*2/*1"
     * @return normalised diplotype, e.g. "*1/*2"
     * @throws DiplotypeSyntaxException when {@code raw} is not a diplotype at all
     */
    public static String normalize(String gene, String raw) {
        if (raw == null) {
            throw new DiplotypeSyntaxException("null", "no diplotype given");
        }
        // Every Unicode white space (no-break, em, ideographic ...) becomes one ASCII space first: trim() and
        // a plain \s know only ASCII ones, so an allele of just U+2000 (en quad) was kept as a blank allele name.
        String text = WHITE_SPACE.matcher(raw).replaceAll(" ").trim();
        if (text.isEmpty()) {
            throw new DiplotypeSyntaxException(raw, "empty");
        }
        String symbol = gene == null ? "" : gene.trim().toUpperCase(Locale.ROOT);
        if (symbol.equals(Vkorc1Notation.GENE)) {
            return Vkorc1Notation.normalize(raw, text);
        }
        String[] alleles = text.split("/", -1);
        if (alleles.length != 2) {
            throw new DiplotypeSyntaxException(raw, "expected exactly two alleles separated by '/', found "
                    + alleles.length);
        }
        for (int i = 0; i < 2; i++) {
            alleles[i] = normalizeAllele(raw, symbol, alleles[i]);
        }
        Arrays.sort(alleles, AlleleOrder.INSTANCE);
        return alleles[0] + "/" + alleles[1];
    }

    private static String normalizeAllele(String raw, String symbol, String allele) {
        String a = stripGenePrefix(symbol, allele.trim());
        if (a.isEmpty()) {
            throw new DiplotypeSyntaxException(raw, "an allele is empty");
        }
        namesTheGeneOnce(raw, symbol, a);
        String[] units = a.split("\\s*\\+\\s*", -1); // CYP2D6 tandem arrangements such as *36+*10
        for (int i = 0; i < units.length; i++) {
            String unit = stripGenePrefix(symbol, units[i]);
            if (unit.isEmpty()) {
                throw new DiplotypeSyntaxException(raw, "an allele is empty");
            }
            namesTheGeneOnce(raw, symbol, unit);
            // "*1*2" is two star alleles run together, not one allele (DPYD names contain "(*2A)" mid-name).
            if (unit.startsWith("*") && unit.indexOf('*', 1) >= 0) {
                throw new DiplotypeSyntaxException(raw, "'" + unit + "' holds more than one star allele; "
                        + "separate the two alleles with '/'");
            }
            units[i] = normalizeCopies(unit);
        }
        if (units.length > 1 && !Arrays.stream(units).allMatch(u -> u.startsWith("*"))) {
            return a; // '+' inside a non-star name (e.g. DPYD "c.1905+1G>A") is part of the name
        }
        return String.join("+", units);
    }

    /**
     * The gene prefix is stripped once; an allele that still starts with it ("CYP2D6 CYP2D6*1") would lose
     * it only when normalised again, so the result would not be normal. Refused instead.
     */
    private static void namesTheGeneOnce(String raw, String symbol, String allele) {
        if (!stripGenePrefix(symbol, allele).equals(allele)) {
            throw new DiplotypeSyntaxException(raw, "'" + allele + "' names the gene " + symbol + " again");
        }
    }

    private static String stripGenePrefix(String symbol, String allele) {
        // Compared char by char: upper-casing the whole allele can change its length ("ß" -> "SS"), and the
        // prefix length would then not be the allele's.
        if (!symbol.isEmpty() && allele.regionMatches(true, 0, symbol, 0, symbol.length())) {
            String rest = allele.substring(symbol.length());
            if (rest.startsWith("*") || rest.startsWith(" ")) {
                return rest.trim();
            }
        }
        return allele;
    }

    private static String normalizeCopies(String unit) {
        Matcher m = STAR_COPIES.matcher(unit);
        if (!m.matches()) {
            return unit;
        }
        String copies = m.group(2).replace(">=", "≥").replace(" ", "").toUpperCase(Locale.ROOT);
        return m.group(1) + "x" + copies;
    }
}
