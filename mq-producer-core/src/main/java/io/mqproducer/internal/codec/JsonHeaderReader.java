package io.mqproducer.internal.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * A small, allocation-lean reader for the JSON header brokers write: one object whose members are numbers,
 * strings, null, booleans and the {@code extFields} object of strings. It scans a byte array (much cheaper than buffer
 * accessors), handles every JSON escape, skips members it does not know (arrays and nested objects included), and
 * rejects anything that is not well-formed. Common names and values come back as shared constants, found by the hash
 * computed while scanning, instead of new strings.
 */
final class JsonHeaderReader {
    /** Names and values brokers send in nearly every response: returned as shared constants, not new strings. */
    private static final KnownStrings KNOWN = new KnownStrings("msgId", "queueId", "queueOffset", "MSG_REGION",
            "TRACE_ON", "transactionId", "batchUniqId", "code", "flag", "opaque", "version", "language", "remark",
            "extFields", "serializeTypeCurrentRPC", "DefaultRegion", "true", "false", "JAVA", "JSON", "ROCKETMQ");

    private final byte[] json;
    private final int end;
    private int position;

    JsonHeaderReader(ByteBuf in, int length) {
        this(copy(in, length), length);
    }

    /** Reads the first {@code length} bytes of {@code json}, which may be a longer, reused array. */
    JsonHeaderReader(byte[] json, int length) {
        this.json = json;
        this.end = length;
    }

    private static byte[] copy(ByteBuf in, int length) {
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    /** Reads the header object and returns the command it describes. */
    RemotingCommand read(byte[] body) {
        int code = 0;
        int flag = 0;
        int opaque = 0;
        int version = 0;
        String language = null;
        String remark = null;
        HeaderFields fields = null;
        expect('{');
        if (!consumeIf('}')) {
            do {
                String name = readString();
                expect(':');
                switch (name) {
                    case "code" -> code = (int) readNumber();
                    case "flag" -> flag = (int) readNumber();
                    case "opaque" -> opaque = (int) readNumber();
                    case "version" -> version = (int) readNumber();
                    case "language" -> language = readNullableString();
                    case "remark" -> remark = readNullableString();
                    case "extFields" -> fields = readFields();
                    default -> skipValue();
                }
            } while (consumeIf(','));
            expect('}');
        }
        skipWhitespace();
        if (position != end) {
            throw error("unexpected data after the header object");
        }
        return new RemotingCommand(code, flag, opaque, version, language, remark, fields, body);
    }

    private HeaderFields readFields() {
        if (consumeLiteral("null")) {
            return null;
        }
        HeaderFields fields = new HeaderFields(8);
        expect('{');
        if (consumeIf('}')) {
            return fields;
        }
        do {
            String name = readString();
            expect(':');
            skipWhitespace();
            char next = peek();
            if (next == '"') {
                fields.add(name, readString()); // brokers never repeat a name
            } else if (next == '{' || next == '[') {
                skipValue();
            } else if (!consumeLiteral("null")) {
                fields.add(name, readScalarText());
            }
        } while (consumeIf(','));
        expect('}');
        return fields;
    }

    private String readNullableString() {
        return consumeLiteral("null") ? null : readString();
    }

    private String readString() {
        expect('"');
        byte[] bytes = json; // locals: this loop runs for every name and value of every response
        int limit = end;
        int start = position;
        int index = start;
        int hash = 0; // String.hashCode of the plain ASCII text, to look it up among the known strings
        while (true) {
            if (index >= limit) {
                throw error("unexpected end of header");
            }
            int b = bytes[index];
            if (b == '"') {
                break;
            }
            if (b == '\\' || b < 0x20) { // an escape, a control character, or (negative) a non-ASCII byte
                return readEscapedString();
            }
            hash = 31 * hash + b;
            index++;
        }
        int length = index - start;
        position = index + 1;
        String known = KNOWN.find(bytes, start, length, hash);
        return known != null ? known : new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }

    /** The slow path: escapes or non-ASCII bytes, decoded into a UTF-8 byte buffer first. */
    private String readEscapedString() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(32);
        while (true) {
            int b = byteAt(position++);
            if (b == '"') {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            if (b < 0x20 && b >= 0) {
                throw error("control character in a string");
            }
            if (b != '\\') {
                bytes.write(b);
                continue;
            }
            int escaped = byteAt(position++);
            switch (escaped) {
                case '"', '\\', '/' -> bytes.write(escaped);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case 't' -> bytes.write('\t');
                case 'u' -> writeCodeUnit(bytes);
                default -> throw error("invalid escape \\" + (char) escaped);
            }
        }
    }

    private void writeCodeUnit(java.io.ByteArrayOutputStream bytes) {
        char unit = (char) hex4();
        if (Character.isHighSurrogate(unit) && byteAt(position) == '\\' && byteAt(position + 1) == 'u') {
            position += 2;
            char low = (char) hex4();
            bytes.writeBytes(new String(new char[] {unit, low}).getBytes(StandardCharsets.UTF_8));
        } else {
            bytes.writeBytes(String.valueOf(unit).getBytes(StandardCharsets.UTF_8));
        }
    }

    private int hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(byteAt(position++), 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private long readNumber() {
        skipWhitespace();
        boolean negative = consumeIf('-');
        long value = 0;
        int digits = 0;
        while (position < end) {
            int b = byteAt(position);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
            position++;
            digits++;
        }
        if (digits == 0 || digits > 18) {
            throw error("expected an integer");
        }
        return negative ? -value : value;
    }

    /** A number, true or false, as the text it was written with. */
    private String readScalarText() {
        int start = position;
        while (position < end) {
            int b = byteAt(position);
            if (b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                break;
            }
            position++;
        }
        if (position == start) {
            throw error("expected a value");
        }
        return new String(json, start, position - start, StandardCharsets.ISO_8859_1);
    }

    private void skipValue() {
        skipWhitespace();
        char next = peek();
        if (next == '"') {
            readString();
        } else if (next == '{' || next == '[') {
            char close = next == '{' ? '}' : ']';
            position++;
            if (consumeIf(close)) {
                return;
            }
            do {
                if (next == '{') {
                    readString();
                    expect(':');
                }
                skipValue();
            } while (consumeIf(','));
            expect(close);
        } else {
            readScalarText();
        }
    }

    private boolean consumeLiteral(String literal) {
        skipWhitespace();
        if (position + literal.length() > end) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (byteAt(position + i) != literal.charAt(i)) {
                return false;
            }
        }
        position += literal.length();
        return true;
    }

    private void expect(char c) {
        skipWhitespace();
        if (position >= end || byteAt(position) != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private boolean consumeIf(char c) {
        skipWhitespace();
        if (position < end && byteAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private char peek() {
        if (position >= end) {
            throw error("unexpected end of header");
        }
        return (char) byteAt(position);
    }

    private void skipWhitespace() {
        while (position < end) {
            int b = byteAt(position);
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            position++;
        }
    }

    private int byteAt(int index) {
        if (index >= end) {
            throw error("unexpected end of header");
        }
        return json[index] & 0xFF;
    }

    private CodecException error(String what) {
        return new CodecException("malformed JSON header: " + what + " at byte " + position);
    }
}
