package dev.hauntedhelpdesk.triage;

import java.util.List;

/**
 * The specialists' tools, run by the orchestrator (code, not the model) before a specialist's
 * turn so that the engine reasons over real findings. Only the network and cloud specialists
 * have tools of their own; similar-ticket lookup is the memory step every run makes.
 */
public class Toolbox {

    private final NetworkDiagnostics network;
    private final BucketInspector buckets;

    public Toolbox(NetworkDiagnostics network, BucketInspector buckets) {
        this.network = network;
        this.buckets = buckets;
    }

    /** A toolbox with no tools, for tests of the orchestrator alone. */
    public static Toolbox none() {
        return new Toolbox(null, null);
    }

    public List<ToolFinding> run(Agent specialist, TriageContext context) {
        return switch (specialist) {
            case NETWORK -> network == null ? List.of() : network.diagnose(context.text());
            case CLOUD -> buckets == null ? List.of() : buckets.diagnose(context.text());
            default -> List.of();
        };
    }
}
