package dev.hauntedhelpdesk.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * The outcome of one triage run as the API returns it. {@code status} is the ticket status the
 * run leads to ({@code resolved}, {@code escalated} or {@code error}); {@code executionTime} is
 * in seconds.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WorkflowResult(
        String finalResponse,
        List<String> handoffSequence,
        double executionTime,
        String status,
        String summary,
        String terminatedBy,
        List<Turn> conversationHistory,
        String predictedCategory,
        Double confidence,
        String engine,
        TokenUsage tokenUsage) {

    public WorkflowResult {
        handoffSequence = List.copyOf(handoffSequence);
        conversationHistory = List.copyOf(conversationHistory);
    }

    /** How many times a specialist passed the ticket to another specialist. */
    public int specialistHandoffs() {
        int specialists = 0;
        for (String agent : handoffSequence) {
            if (Agent.specialist(agent).isPresent()) {
                specialists++;
            }
        }
        return Math.max(0, specialists - 1);
    }
}
