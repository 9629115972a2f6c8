package io.vpmon.drift;

import io.vpmon.VpmonException;
import io.vpmon.drift.image.ImageFeatures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-image features as CSV (RFC 4180): a header {@code path,mean_brightness,std_brightness,
 * mean_r,mean_g,mean_b}, then one row per image. Values are written in Java's shortest
 * round-trip form, so features read back are the very doubles that were extracted, and a check
 * on CSVs gives the same results as one on the images. Reading finds columns by header name
 * (other columns are ignored) and rejects anything that is not a finite number.
 */
public final class FeatureCsv {
    public static final String PATH_COLUMN = "path";

    private FeatureCsv() {
    }

    public static void writeHeader(Writer out) throws IOException {
        StringBuilder line = new StringBuilder(PATH_COLUMN);
        for (Feature f : Feature.values()) {
            line.append(',').append(f.label());
        }
        out.write(line.append('\n').toString());
    }

    public static void writeRow(Writer out, String path, ImageFeatures features) throws IOException {
        StringBuilder line = new StringBuilder(quote(path));
        for (Feature f : Feature.values()) {
            line.append(',').append(Double.toString(f.of(features)));
        }
        out.write(line.append('\n').toString());
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /**
     * Adds every row of {@code file} to {@code table}.
     *
     * @param option the option that named the file, for messages
     * @return the number of rows read
     * @throws VpmonException (usage) naming file and line for a missing file, column or bad value
     */
    public static int read(Path file, String option, FeatureTable table) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), table);
        } catch (NoSuchFileException e) {
            throw VpmonException.usage(option + " " + file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw VpmonException.usage(file + ": not a UTF-8 text file (is it a features CSV from 'vpmon drift extract'?)");
        } catch (IOException e) {
            throw VpmonException.usage(option + " " + file + ": cannot read: " + e.getMessage());
        }
    }

    static int read(Reader in, String name, FeatureTable table) throws IOException {
        RecordReader records = new RecordReader(in, name);
        List<String> header = records.next();
        if (header == null) {
            throw VpmonException.usage(name + ": empty; expected a header line like '" + headerLine() + "'");
        }
        int[] columnOf = new int[Feature.values().length];
        for (Feature f : Feature.values()) {
            columnOf[f.ordinal()] = header.indexOf(f.label());
            if (columnOf[f.ordinal()] < 0) {
                throw VpmonException.usage(name + ":1: no '" + f.label() + "' column (expected a header like '"
                        + headerLine() + "')");
            }
        }
        int rows = 0;
        double[] row = new double[columnOf.length];
        for (List<String> fields = records.next(); fields != null; fields = records.next()) {
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;
            }
            int line = records.line();
            if (fields.size() != header.size()) {
                throw VpmonException.usage(name + ":" + line + ": " + fields.size() + " fields, the header has "
                        + header.size());
            }
            for (Feature f : Feature.values()) {
                row[f.ordinal()] = number(fields.get(columnOf[f.ordinal()]), f, name, line);
            }
            table.add(row);
            rows++;
        }
        return rows;
    }

    private static double number(String text, Feature feature, String name, int line) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw VpmonException.usage(name + ":" + line + ": " + feature.label() + " is '" + abbreviate(text)
                    + "', not a number");
        }
        if (!Double.isFinite(value)) {
            throw VpmonException.usage(name + ":" + line + ": " + feature.label() + " is " + text.strip()
                    + "; features must be finite numbers");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    static String headerLine() {
        List<String> names = new ArrayList<>(List.of(PATH_COLUMN));
        Arrays.stream(Feature.values()).map(Feature::label).forEach(names::add);
        return String.join(",", names);
    }

    /** RFC 4180 records: commas, double quotes with "" escapes, line breaks inside quotes. */
    private static final class RecordReader {
        private final Reader in;
        private final String name;
        private int line;
        private int nextLine = 1;
        private int pending = -2;

        RecordReader(Reader in, String name) {
            this.in = in;
            this.name = name;
        }

        /** The line the last record started on. */
        int line() {
            return line;
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return in.read();
        }

        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            line = nextLine;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (c == -1) {
                    if (quoted) {
                        throw VpmonException.usage(name + ":" + line + ": a quoted field is not closed");
                    }
                    fields.add(field.toString());
                    return fields;
                }
                if (quoted) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = d;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            nextLine++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int d = read();
                        if (d != '\n') {
                            pending = d;
                        }
                    }
                    nextLine++;
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }
    }
}
