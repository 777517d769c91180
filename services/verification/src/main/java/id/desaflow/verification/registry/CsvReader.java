package id.desaflow.verification.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file one record at a time (RFC 4180 quoting, so an address may contain the separator or a line
 * break), never holding more than one record. The separator ({@code ,} {@code ;} or tab, as spreadsheet exports in
 * Indonesian locales often use {@code ;}) is taken from the header line; a UTF-8 byte-order mark is skipped.
 * A record that cannot be read (an unclosed quote, an absurdly long line) is returned as broken with the lines it
 * took, and reading goes on with the next line, so one bad line costs one row.
 */
final class CsvReader implements AutoCloseable {
    /** A quoted cell may span a few lines (an address typed with Enter in a spreadsheet), not the rest of the file. */
    private static final int MAX_LINES_PER_RECORD = 5;
    private static final int MAX_RECORD_CHARS = 16_384;

    private final BufferedReader in;
    private char separator;
    private int line = 1;
    private int lookahead = -2;

    /** One record: its first line number and cells, or why it is broken. */
    record Row(int line, int lastLine, List<String> cells, String broken) {
        boolean isBlank() {
            return broken == null && cells.stream().allMatch(String::isBlank);
        }
    }

    CsvReader(Reader source) {
        this.in = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
    }

    /** Reads the header line and learns the separator from it; null for an empty file. */
    Row header() {
        skipBom();
        StringBuilder raw = new StringBuilder();
        int c;
        while ((c = read()) != -1 && c != '\n' && raw.length() < MAX_RECORD_CHARS) {
            raw.append((char) c);
        }
        if (c == '\n') {
            line++;
        }
        if (raw.isEmpty() && c == -1) {
            return null;
        }
        separator = separatorOf(raw);
        return new Row(1, 1, split(raw), null);
    }

    char separator() {
        return separator;
    }

    /** The next record, or null at the end of the file. */
    Row next() {
        int start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int chars = 0;
        while (true) {
            int c = read();
            if (c == -1) {
                if (!any) {
                    return null;
                }
                if (quoted) {
                    return new Row(start, line, List.of(), "tanda kutip (\") tidak ditutup");
                }
                cells.add(cell.toString());
                return new Row(start, line, cells, null);
            }
            any = true;
            if (++chars > MAX_RECORD_CHARS) {
                skipLine();
                return new Row(start, line - 1, List.of(), "baris terlalu panjang");
            }
            if (quoted) {
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        unread(next);
                    }
                } else {
                    if (c == '\n' && ++line - start >= MAX_LINES_PER_RECORD) {
                        return new Row(start, line - 1, List.of(), "tanda kutip (\") tidak ditutup");
                    }
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                line++;
                cells.add(cell.toString());
                return new Row(start, start, cells, null);
            } else if (c != '\r') {
                cell.append((char) c);
            }
        }
    }

    private List<String> split(CharSequence header) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The most frequent of {@code , ; TAB} outside quotes; a comma if none. */
    private static char separatorOf(CharSequence header) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    private void skipBom() {
        int first = read();
        if (first != '\uFEFF') {
            unread(first);
        }
    }

    private void skipLine() {
        int c;
        while ((c = read()) != -1 && c != '\n') {
            // the rest of an over-long line
        }
        line++;
    }

    private int read() {
        if (lookahead != -2) {
            int c = lookahead;
            lookahead = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        lookahead = c;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
