package dev.hauntedhelpdesk.lambda.snapstart;

import dev.hauntedhelpdesk.triage.Agent;
import dev.hauntedhelpdesk.triage.AgentReply;
import dev.hauntedhelpdesk.triage.Classification;
import dev.hauntedhelpdesk.triage.TokenUsage;
import dev.hauntedhelpdesk.triage.TriageContext;
import dev.hauntedhelpdesk.triage.TriageEngine;

import java.util.List;

/**
 * One pass of the local engine over a made-up ticket, in memory: classify, consult the specialist,
 * summarize. The engine alone, not the orchestrator: a run would recall memories and, from the
 * ticket's text, run network diagnostics and bucket lookups, and the service around it would
 * write the outcome to the table.
 */
final class CannedTriage {

    private static final TriageContext TICKET = TriageContext.of("snapstart-priming",
            "Outlook crashes when opening attachments",
            "Outlook closes every time I open a message with a PDF attachment; restarting did not help.",
            "medium", null);

    private CannedTriage() {
    }

    static String run(TriageEngine engine) {
        TokenUsage.Counter tokens = new TokenUsage.Counter();
        Classification classification = engine.classify(TICKET, tokens);
        engine.embed(TICKET.text());
        AgentReply reply = engine.consult(Agent.specialistFor(classification.category()), TICKET,
                new TriageEngine.Evidence(classification.category(), List.of(), List.of(), List.of()), tokens);
        if (reply instanceof AgentReply.Answer answer) {
            engine.summarize(TICKET, answer, tokens);
        }
        return "classified " + classification.category();
    }
}
