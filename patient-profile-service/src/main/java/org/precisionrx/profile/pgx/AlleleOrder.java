package org.precisionrx.profile.pgx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Numeric-aware natural order of allele names (*9 before *10, "Reference" before "c.46C>G").
 * It reproduces the order of every diplotype string in the PharmCAT/CPIC tables, which
 * CpicTableConformanceTest checks, so a normalised diplotype is exactly the table's key.
 */
final class AlleleOrder implements Comparator<String> {

    static final AlleleOrder INSTANCE = new AlleleOrder();

    private AlleleOrder() {
    }

    @Override
    public int compare(String a, String b) {
        List<String> ta = tokens(a);
        List<String> tb = tokens(b);
        for (int i = 0; i < Math.min(ta.size(), tb.size()); i++) {
            // Tokens alternate text/number starting with text, so index parity tells the kind.
            int c = (i % 2 == 0) ? ta.get(i).compareTo(tb.get(i)) : compareNumbers(ta.get(i), tb.get(i));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(ta.size(), tb.size());
        return c != 0 ? c : a.compareTo(b); // the last step only separates "*01" from "*1"
    }

    /** Splits into text, number, text, number, ...; the first text token may be empty. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inDigits = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean digit = ch >= '0' && ch <= '9';
            if (digit != inDigits) {
                out.add(current.toString());
                current.setLength(0);
                inDigits = digit;
            }
            current.append(ch);
        }
        out.add(current.toString());
        return out;
    }

    private static int compareNumbers(String x, String y) {
        String a = stripZeros(x);
        String b = stripZeros(y);
        int c = Integer.compare(a.length(), b.length()); // no overflow for long digit runs
        return c != 0 ? c : a.compareTo(b);
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
