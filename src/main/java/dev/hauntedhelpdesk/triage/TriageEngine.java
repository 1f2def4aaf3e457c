package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.memory.RecalledMemory;
import dev.hauntedhelpdesk.ticket.WireName;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The port the triage orchestrator asks for one bounded thing at a time. Implementations:
 * {@link LocalTriageEngine} (in-process sentence embeddings, no network) and
 * {@link BedrockTriageEngine} (Amazon Bedrock, Converse API). An engine never calls another
 * agent: a specialist that wants help answers with a {@link AgentReply.Handoff} and the
 * orchestrator decides. Any method may throw {@link EngineUnavailableException} when the model
 * cannot be reached, or {@link MalformedReplyException} when its answer is unusable.
 */
public interface TriageEngine {

    /** A short name for logs and health ({@code local}, {@code bedrock}). */
    String name();

    /**
     * Whether this engine looks at {@link TriageContext#images()}; one that does not leaves a
     * note in the ticket's log that its images were not analysed.
     */
    default boolean readsImages() {
        return false;
    }

    /** The category the ticket most likely belongs to, with a confidence from 0 to 1. */
    Classification classify(TriageContext context, TokenUsage.Counter tokens);

    /** A vector for memory recall, or empty when this engine has none (recall falls back to keywords). */
    Optional<float[]> embed(String text);

    /** One specialist's turn: an answer, or a handoff to another specialist. */
    AgentReply consult(Agent specialist, TriageContext context, Evidence evidence, TokenUsage.Counter tokens);

    /** A short summary of the outcome for the ticket's log and for staff. */
    String summarize(TriageContext context, AgentReply.Answer answer, TokenUsage.Counter tokens);

    /** What is known of the model: the outcome of the last call or probe; never calls the model itself. */
    EngineHealth health();

    /**
     * Asks the model the smallest question it answers, to learn whether it can be reached, and
     * records the outcome as {@link #health()}. An engine without a remote model has nothing to
     * probe and just reports its health.
     */
    default EngineHealth probe() {
        return health();
    }

    /** What a specialist is given: past resolutions, tool findings and the conversation so far. */
    record Evidence(String category, List<RecalledMemory> memories, List<ToolFinding> findings,
                    List<Turn> history) {
        public Evidence {
            memories = List.copyOf(memories);
            findings = List.copyOf(findings);
            history = List.copyOf(history);
        }
    }

    /**
     * The engine's view of its model: {@code not-probed} before any call, otherwise
     * {@code available} or {@code degraded} as the last call found it, with when and by what kind
     * of call ({@code probe} or {@code triage}), and the reason.
     */
    record EngineHealth(Status status, Instant checkedAt, String checkedBy, String detail) {

        /** The model's state as the wire names it: {@code not-probed}, with a hyphen, unlike other wire names. */
        public enum Status implements WireName {
            NOT_PROBED, AVAILABLE, DEGRADED;

            @Override
            public String wire() {
                return name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }

        public static EngineHealth notProbed(String detail) {
            return new EngineHealth(Status.NOT_PROBED, null, null, detail);
        }

        public boolean available() {
            return status == Status.AVAILABLE;
        }
    }
}
