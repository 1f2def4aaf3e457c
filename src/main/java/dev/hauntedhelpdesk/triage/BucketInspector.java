package dev.hauntedhelpdesk.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cloud specialist's tool: does an S3 bucket named in the ticket exist, and in which region.
 * The adapter is {@link S3BucketInspector}. Only names that follow S3's naming rules are looked
 * up, at most {@value #MAX_BUCKETS} per ticket.
 */
public interface BucketInspector {

    int MAX_BUCKETS = 3;
    Pattern BUCKET = Pattern.compile(
            "(?:s3://|arn:aws:s3:::|\\bbucket\\s+[\"'`]?)([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])", Pattern.CASE_INSENSITIVE);

    /** One lookup: exists, exists without access, or missing, and the region when known. */
    ToolFinding inspect(String bucket);

    /** Bucket names mentioned in the text. */
    static Set<String> buckets(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = BUCKET.matcher(text);
        while (m.find() && names.size() < MAX_BUCKETS) {
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** Inspects every bucket named in the text. */
    default List<ToolFinding> diagnose(String text) {
        List<ToolFinding> findings = new ArrayList<>();
        for (String bucket : buckets(text)) {
            findings.add(inspect(bucket));
        }
        return findings;
    }
}
