package org.precisionrx.ml.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader and writer: fields separated by commas, optionally quoted with '"'; quoted
 * fields may contain commas, CR/LF and doubled quotes. Records end with LF or CRLF; a final line break is
 * optional. A leading UTF-8 BOM is skipped. Blank lines are skipped.
 */
public final class Csv {
    private Csv() {
    }

    public static List<List<String>> read(Reader in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        boolean first = true;
        int line = 1;
        int c;
        while ((c = in.read()) != -1) {
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0 && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                line++;
                record.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                }
                record = new ArrayList<>();
            } else if (fieldWasQuoted) {
                throw new UsageException("malformed CSV near line " + line + ": text after a closing quote");
            } else {
                field.append((char) c);
            }
        }
        if (quoted) {
            throw new UsageException("malformed CSV: unterminated quoted field at end of file");
        }
        if (field.length() > 0 || fieldWasQuoted || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    public static void writeRecord(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write('\n');
    }

    static String quote(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
