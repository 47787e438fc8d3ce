package io.mqproducer.spring;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pattern a topic is matched against: a glob ({@code *} any run of characters, {@code ?} one character, everything
 * else literal, so {@code orders.*} matches {@code orders.created}), or {@code regex:} followed by a regular
 * expression that must match the whole topic.
 */
public final class TopicPattern {
    private static final String REGEX = "regex:";

    private final String source;
    private final Pattern pattern;

    private TopicPattern(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException when it is blank or not a valid regular expression
     */
    public static TopicPattern of(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a topic pattern must not be blank");
        }
        try {
            return new TopicPattern(source, source.startsWith(REGEX)
                    ? Pattern.compile(source.substring(REGEX.length()))
                    : Pattern.compile(glob(source.trim())));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid topic pattern '" + source + "': " + e.getDescription(), e);
        }
    }

    /** Whether the whole topic matches. */
    public boolean matches(String topic) {
        return pattern.matcher(topic).matches();
    }

    @Override
    public String toString() {
        return source;
    }

    private static String glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(quote(literal)).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return regex.append(quote(literal)).toString();
    }

    private static String quote(StringBuilder literal) {
        return literal.isEmpty() ? "" : Pattern.quote(literal.toString());
    }
}
