package org.precisionrx.devtools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The little Markdown that cards carry (bold, code, bullets, pipe tables) as plain terminal text:
 * markers dropped, tables aligned, paragraphs wrapped and indented.
 */
final class TerminalMarkdown {

    private TerminalMarkdown() {
    }

    static String render(String markdown, String indent, int width) {
        List<String> out = new ArrayList<>();
        List<String[]> table = new ArrayList<>();
        for (String raw : markdown.strip().split("\n", -1)) {
            String line = inline(raw.strip());
            if (line.startsWith("|")) {
                if (!line.matches("\\|[\\s|:-]+\\|?")) {
                    table.add(cells(line));
                }
                continue;
            }
            flushTable(table, out, indent, width);
            if (line.isEmpty()) {
                if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
                    out.add("");
                }
            } else if (line.startsWith("- ") || line.startsWith("* ")) {
                out.addAll(wrap("• " + line.substring(2), indent, indent + "  ", width));
            } else {
                out.addAll(wrap(line, indent, indent, width));
            }
        }
        flushTable(table, out, indent, width);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }

    /** Bold and code markers go; a link keeps its text and shows its address in brackets. */
    static String inline(String text) {
        return text.replace("**", "").replace("`", "").replaceAll("\\[([^\\]]*)\\]\\(([^)\\s]*)\\)", "$1 <$2>");
    }

    private static String[] cells(String row) {
        String inner = row.replaceAll("^\\|", "").replaceAll("\\|$", "");
        String[] cells = inner.split("\\|", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    /** A table as aligned columns, or, when that is wider than {@code width}, one block per row. */
    private static void flushTable(List<String[]> table, List<String> out, String indent, int width) {
        if (table.isEmpty()) {
            return;
        }
        int columns = table.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : table) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        if (indent.length() + Arrays.stream(widths).sum() + 2 * (columns - 1) <= width) {
            table.forEach(row -> out.add(aligned(row, widths, indent)));
        } else {
            rowBlocks(table, out, indent, width);
        }
        table.clear();
    }

    private static String aligned(String[] row, int[] widths, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < row.length; c++) {
            line.append(c == row.length - 1 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
        }
        return line.toString().stripTrailing();
    }

    /** "1  ticagrelor" and under it "Header: value" for the other cells; the header row names them. */
    private static void rowBlocks(List<String[]> table, List<String> out, String indent, int width) {
        String[] headers = table.get(0);
        for (String[] row : table.subList(1, table.size())) {
            out.add(indent + String.join("  ", Arrays.copyOf(row, Math.min(2, row.length))));
            for (int c = 2; c < row.length; c++) {
                String header = c < headers.length ? headers[c] + ": " : "";
                out.addAll(wrap(header + row[c], indent + "   ", indent + "     ", width));
            }
        }
    }

    /** Word-wrapped lines: the first starts with {@code first}, the others with {@code rest}. */
    static List<String> wrap(String text, String first, String rest, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" +")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }
}
