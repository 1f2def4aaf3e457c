package dev.hauntedhelpdesk.triage;

/** What a diagnostic tool found about one target, such as a host, a port or a bucket. */
public record ToolFinding(String tool, String target, boolean ok, String detail) {

    @Override
    public String toString() {
        return tool + " " + target + ": " + (ok ? "ok" : "failed") + " (" + detail + ")";
    }
}
