package org.virtd.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent reader for libvirt's virConf syntax (daemons.md §7): assignments separated
 * by newlines or ';', '#' comments, decimal numbers, single/double/triple-quoted strings without
 * escapes, and bracketed lists that may span lines. Errors carry libvirt's wording and the line
 * they were found on, as {@code configuration file syntax error: PATH:LINE: what}.
 */
public final class ConfParser {
    private final String source;
    private final String text;
    private int pos;
    private int line = 1;

    private ConfParser(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** Parses {@code text}; {@code source} names it in errors (normally the file path). */
    public static ConfFile parse(String source, String text) throws ConfigException {
        return new ConfParser(source, text).file();
    }

    private ConfFile file() throws ConfigException {
        List<ConfEntry> entries = new ArrayList<>();
        while (!atEnd()) {
            skipBlanksAndEol();
            if (atEnd()) {
                break;
            }
            if (cur() == '#') {
                skipToEol();
            } else {
                entries.add(statement());
            }
            separator();
        }
        return new ConfFile(source, entries);
    }

    private ConfEntry statement() throws ConfigException {
        String name = name();
        skipBlanks();
        if (atEnd() || cur() != '=') {
            throw syntax("expecting an assignment");
        }
        pos++;
        skipBlanks();
        int valueLine = line;
        ConfValue value = value();
        skipBlanks();
        if (!atEnd() && cur() == '#') {
            skipToEol();
        }
        return new ConfEntry(name, value, valueLine);
    }

    private String name() throws ConfigException {
        skipBlanks();
        int start = pos;
        if (atEnd() || !isAsciiLetter(cur())) {
            throw syntax("expecting a name");
        }
        while (!atEnd() && (isAsciiLetter(cur()) || isAsciiDigit(cur()) || cur() == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void separator() throws ConfigException {
        skipBlanks();
        if (atEnd()) {
            return;
        }
        if (isEol(cur())) {
            skipBlanksAndEol();
        } else if (cur() == ';') {
            pos++;
            skipBlanksAndEol();
        } else {
            throw syntax("expecting a separator");
        }
    }

    private ConfValue value() throws ConfigException {
        skipBlanks();
        if (atEnd()) {
            throw syntax("expecting a value");
        }
        char c = cur();
        if (c == '"' || c == '\'') {
            return new ConfValue.Text(string());
        }
        if (c == '[') {
            return list();
        }
        if (isAsciiDigit(c) || c == '-' || c == '+') {
            return number();
        }
        throw syntax("expecting a value");
    }

    private ConfValue list() throws ConfigException {
        pos++;
        skipBlanksAndEol();
        List<ConfValue> items = new ArrayList<>();
        if (!atEnd() && cur() != ']') {
            items.add(value());
            skipBlanksAndEol();
        }
        while (!atEnd() && cur() != ']') {
            if (cur() != ',') {
                throw syntax("expecting a separator in list");
            }
            pos++;
            skipBlanksAndEol();
            if (!atEnd() && cur() == ']') {
                break;
            }
            items.add(value());
            skipBlanksAndEol();
        }
        if (atEnd()) {
            throw syntax("list is not closed with ]");
        }
        pos++;
        return new ConfValue.Items(items);
    }

    private ConfValue number() throws ConfigException {
        boolean negative = cur() == '-';
        if (cur() == '-' || cur() == '+') {
            pos++;
        }
        if (atEnd() || !isAsciiDigit(cur())) {
            throw syntax("unterminated number");
        }
        long value = 0;
        while (!atEnd() && isAsciiDigit(cur())) {
            int digit = cur() - '0';
            value = value > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : value * 10 + digit;
            pos++;
        }
        return new ConfValue.Number(negative ? -value : value, negative);
    }

    private String string() throws ConfigException {
        if (text.startsWith("\"\"\"", pos) && pos + 6 < text.length()) {
            int start = pos + 3;
            int end = text.indexOf("\"\"\"", start);
            if (end < 0) {
                countLines(start, text.length());
                pos = text.length();
                throw syntax("unterminated string");
            }
            countLines(start, end);
            pos = end + 3;
            return text.substring(start, end);
        }
        char quote = cur();
        int start = ++pos;
        while (!atEnd() && cur() != quote && !isEol(cur())) {
            pos++;
        }
        if (atEnd() || cur() != quote) {
            throw syntax("unterminated string");
        }
        return text.substring(start, pos++);
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private void skipBlanks() {
        while (!atEnd() && isBlank(cur())) {
            pos++;
        }
    }

    private void skipBlanksAndEol() {
        while (!atEnd() && (isBlank(cur()) || isEol(cur()))) {
            if (cur() == '\n') {
                line++;
            }
            pos++;
        }
    }

    private void skipToEol() {
        while (!atEnd() && !isEol(cur())) {
            pos++;
        }
    }

    private ConfigException syntax(String what) {
        return new ConfigException("configuration file syntax error: " + source + ":" + line + ": " + what);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char cur() {
        return text.charAt(pos);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isEol(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
