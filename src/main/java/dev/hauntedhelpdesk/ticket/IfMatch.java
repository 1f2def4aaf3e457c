package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.InvalidParameterException;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} precondition (RFC 9110 13.1.1): {@code *}, which any existing ticket meets,
 * or a list of entity-tags compared strongly, so a weak tag ({@code W/"3"}) never matches. A value
 * that is neither (a bare {@code 3}) is not an entity-tag at all and is refused as a bad
 * parameter rather than silently failing.
 */
public final class IfMatch {

    private static final String DETAIL = "If-Match: * or entity-tags in quotes, as the ETag header gives them (\"3\")";
    /** One entity-tag (RFC 9110 8.8.3): optional W/, then etagc characters in quotes. */
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"\\s*");

    private final boolean any;
    /** The opaque-tags of the strong entity-tags, compared character by character. */
    private final Set<String> tags;

    private IfMatch(boolean any, Set<String> tags) {
        this.any = any;
        this.tags = Set.copyOf(tags);
    }

    /** Parses the header's value; throws {@link InvalidParameterException} when it is not one. */
    public static IfMatch parse(String header) {
        String value = header.trim();
        if (value.equals("*")) {
            return new IfMatch(true, Set.of());
        }
        Set<String> strong = new HashSet<>();
        for (String member : value.split(",", -1)) {
            Matcher tag = TAG.matcher(member);
            if (!tag.matches()) {
                throw new InvalidParameterException(DETAIL);
            }
            // A weak tag is well-formed but never matches in a strong comparison.
            if (tag.group(1) == null) {
                strong.add(tag.group(2));
            }
        }
        return new IfMatch(false, strong);
    }

    /** Whether a ticket at this version meets the precondition. */
    boolean matches(long version) {
        return any || tags.contains(Long.toString(version));
    }
}
