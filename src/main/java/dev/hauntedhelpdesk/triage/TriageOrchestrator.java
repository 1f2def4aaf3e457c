package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.memory.Keywords;
import dev.hauntedhelpdesk.memory.Memory;
import dev.hauntedhelpdesk.memory.MemoryStore;
import dev.hauntedhelpdesk.memory.RecalledMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The triage team's coordinator: plain code, not an agent. One run is a fixed route
 * classify → recall → specialist (→ specialist …) → store memory → summarize, where each step
 * asks the engine or a tool for one bounded thing on its own virtual thread, waited for at most
 * the step timeout or what is left of the execution timeout. Specialists may only answer or ask
 * for a handoff; the orchestrator grants a handoff unless it would exceed {@code maxHandoffs} or
 * return to a specialist seen in the last {@code repetitionWindow} turns. Every run ends with a
 * {@link TerminatedBy}; nothing an engine does (hang, throw, answer garbage) escapes.
 */
public class TriageOrchestrator {

    private static final Logger LOG = LoggerFactory.getLogger(TriageOrchestrator.class);

    static final int RECALL_LIMIT = 3;
    static final double RECALL_THRESHOLD = 0.55;
    static final int MAX_TURN_CHARS = 2000;

    private final TriageEngine engine;
    private final MemoryStore memory;
    private final Toolbox tools;
    private final TriageBounds bounds;
    private final Clock clock;

    public TriageOrchestrator(TriageEngine engine, MemoryStore memory, Toolbox tools, TriageBounds bounds,
                              Clock clock) {
        this.engine = engine;
        this.memory = memory;
        this.tools = tools;
        this.bounds = bounds;
        this.clock = clock;
    }

    public TriageBounds bounds() {
        return bounds;
    }

    public String engineName() {
        return engine.name();
    }

    public boolean engineReadsImages() {
        return engine.readsImages();
    }

    public WorkflowResult run(TriageContext context) {
        return new Run(context).execute();
    }

    /** Why a run stopped early: the kind of ending and the reason told to the requester. */
    private static final class Stop extends Exception {
        final TerminatedBy by;
        final String status;

        Stop(TerminatedBy by, String status, String reason) {
            super(reason, null, false, false);
            this.by = by;
            this.status = status;
        }
    }

    private final class Run {
        private final TriageContext context;
        private final long startNanos = System.nanoTime();
        private final long deadlineNanos;
        private final List<String> sequence = new ArrayList<>();
        private final List<Turn> history = new ArrayList<>();
        private final TokenUsage.Counter tokens = new TokenUsage.Counter();
        private String category;
        private Double confidence;

        Run(TriageContext context) {
            this.context = context;
            this.deadlineNanos = startNanos + bounds.executionTimeout().toNanos();
        }

        WorkflowResult execute() {
            // Not try-with-resources: ExecutorService.close() waits for every task, so a step that
            // ignores interrupts (a busy loop, a blocking read without timeout) would hold the run
            // past its deadline. shutdownNow() interrupts and returns at once; such a step is left
            // to finish on its own virtual thread, and its result is never read.
            ExecutorService steps = Executors.newVirtualThreadPerTaskExecutor();
            try {
                return route(steps);
            } catch (Stop stop) {
                history.add(new Turn("orchestrator", stop.by.wire() + ": " + stop.getMessage()));
                return result(stop.getMessage(), stop.status, "Triage stopped (" + stop.by.wire() + ") after "
                        + sequence.size() + " steps: " + stop.getMessage(), stop.by);
            } finally {
                steps.shutdownNow();
            }
        }

        /** The fixed route, one named step after another (see the class comment). */
        private WorkflowResult route(ExecutorService steps) throws Stop {
            classify(steps);
            Recall recall = recall(steps);
            AgentReply.Answer answer = consultSpecialists(steps, recall.memories());
            storeMemory(steps, answer, recall.embedding());
            String summary = summarize(steps, answer);
            return result(answer.response(), answer.resolved() ? "resolved" : "escalated", summary,
                    TerminatedBy.COMPLETED);
        }

        /** The requester's category stands; otherwise the engine classifies, within bounds. */
        private void classify(ExecutorService steps) throws Stop {
            sequence.add(Agent.CLASSIFIER.wire());
            if (context.category() != null) {
                category = context.category();
                confidence = 1.0;
                turn(Agent.CLASSIFIER, "category " + category + " given by the requester");
                return;
            }
            Classification c = step(steps, () -> engine.classify(context, tokens));
            if (c == null || !Agent.isCategory(c.category()) || !(c.confidence() >= 0 && c.confidence() <= 1)) {
                throw garbage("classification " + c);
            }
            category = c.category();
            confidence = c.confidence();
            turn(Agent.CLASSIFIER, String.format("category %s, confidence %.2f", category, confidence));
        }

        /** The ticket's embedding (null when the engine has none) and the similar resolved tickets. */
        private record Recall(float[] embedding, List<RecalledMemory> memories) {
        }

        private Recall recall(ExecutorService steps) throws Stop {
            sequence.add(Agent.MEMORY.wire());
            float[] embedding = step(steps, () -> engine.embed(context.text()).orElse(null));
            List<RecalledMemory> recalled = step(steps, () -> memory.recall(category, context.text(), embedding,
                    RECALL_LIMIT, RECALL_THRESHOLD));
            turn(Agent.MEMORY, recalled.isEmpty() ? "no similar resolved tickets"
                    : "recalled " + recalled.size() + " similar resolved tickets: " + recalled.stream()
                    .map(r -> String.format("%s (%.2f)", r.memory().ticketId(), r.similarity())).toList());
            return new Recall(embedding, recalled);
        }

        /**
         * The category's specialist first; each may answer or hand off, and a handoff is granted
         * unless it exceeds {@code maxHandoffs} or returns within the repetition window.
         */
        private AgentReply.Answer consultSpecialists(ExecutorService steps, List<RecalledMemory> recalled)
                throws Stop {
            Agent current = Agent.specialistFor(category);
            List<Agent> visited = new ArrayList<>();
            int handoffs = 0;
            while (true) {
                sequence.add(current.wire());
                visited.add(current);
                Agent specialist = current;
                List<ToolFinding> findings = step(steps, () -> tools.run(specialist, context));
                if (!findings.isEmpty()) {
                    turn(current, "tools: " + findings);
                }
                TriageEngine.Evidence evidence = new TriageEngine.Evidence(category, recalled, findings, history);
                AgentReply reply = step(steps, () -> engine.consult(specialist, context, evidence, tokens));
                if (reply instanceof AgentReply.Answer a) {
                    if (a.response() == null || a.response().isBlank()) {
                        throw garbage("empty answer from " + current.wire());
                    }
                    turn(current, a.response());
                    return a;
                }
                Agent target = handoffTarget(current, reply, visited, handoffs);
                handoffs++;
                current = target;
            }
        }

        /** The specialist a handoff goes to, or the stop that refuses it. */
        private Agent handoffTarget(Agent current, AgentReply reply, List<Agent> visited, int handoffs)
                throws Stop {
            if (!(reply instanceof AgentReply.Handoff handoff)) {
                throw garbage("no reply from " + current.wire());
            }
            Optional<Agent> target = Agent.specialist(handoff.to());
            if (target.isEmpty()) {
                throw garbage(current.wire() + " handed off to unknown agent '" + handoff.to() + "'");
            }
            turn(current, "hand off to " + target.get().wire() + ": " + handoff.reason());
            if (handoffs >= bounds.maxHandoffs()) {
                throw new Stop(TerminatedBy.MAX_HANDOFFS, "escalated", "the specialists handed the ticket on "
                        + handoffs + " times without an answer (limit " + bounds.maxHandoffs() + ")");
            }
            List<Agent> recent = visited.subList(Math.max(0, visited.size() - bounds.repetitionWindow()),
                    visited.size());
            if (recent.contains(target.get())) {
                throw new Stop(TerminatedBy.LOOP_DETECTED, "escalated", "the specialists passed the ticket back "
                        + "and forth (" + current.wire() + " -> " + target.get().wire() + ")");
            }
            return target.get();
        }

        /** A resolved answer becomes a memory for future tickets; an unresolved one does not. */
        private void storeMemory(ExecutorService steps, AgentReply.Answer answer, float[] embedding) throws Stop {
            sequence.add(Agent.MEMORY.wire());
            if (!answer.resolved()) {
                turn(Agent.MEMORY, "nothing stored: not resolved");
                return;
            }
            Memory learned = new Memory(context.ticketId(), category, context.text(), answer.response(),
                    Keywords.of(context.text()), embedding, Instant.now(clock).toString());
            step(steps, () -> {
                memory.remember(learned);
                return null;
            });
            turn(Agent.MEMORY, "stored the resolution for future tickets");
        }

        private String summarize(ExecutorService steps, AgentReply.Answer answer) throws Stop {
            sequence.add(Agent.SUMMARIZER.wire());
            String summary = step(steps, () -> engine.summarize(context, answer, tokens));
            if (summary == null || summary.isBlank()) {
                throw garbage("empty summary");
            }
            turn(Agent.SUMMARIZER, summary);
            return summary;
        }

        private <T> T step(ExecutorService steps, Callable<T> call) throws Stop {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw timeout();
            }
            long wait = Math.min(remaining, bounds.stepTimeout().toNanos());
            Future<T> future = steps.submit(call);
            try {
                return future.get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw wait < bounds.stepTimeout().toNanos() ? timeout()
                        : new Stop(TerminatedBy.TIMEOUT, "escalated", "a step took longer than "
                        + bounds.stepTimeout().toMillis() + " ms");
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new Stop(TerminatedBy.ERROR, "error", "triage was interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof EngineUnavailableException unavailable) {
                    throw new Stop(TerminatedBy.ERROR, "escalated", "the language model is unavailable ("
                            + unavailable.getMessage() + "); a person will take over");
                }
                if (cause instanceof MalformedReplyException malformed) {
                    throw garbage(malformed.getMessage());
                }
                // The ticket says only the exception's class; the log keeps the rest.
                LOG.warn("A triage step failed", cause);
                throw new Stop(TerminatedBy.ERROR, "error", "a triage step failed: "
                        + cause.getClass().getSimpleName());
            }
        }

        private Stop timeout() {
            return new Stop(TerminatedBy.TIMEOUT, "escalated", "triage did not finish within "
                    + bounds.executionTimeout().toMillis() + " ms");
        }

        private Stop garbage(String what) {
            return new Stop(TerminatedBy.ERROR, "error", "the engine gave an unusable reply: " + what);
        }

        private void turn(Agent agent, String content) {
            history.add(new Turn(agent.wire(), content.length() > MAX_TURN_CHARS
                    ? content.substring(0, MAX_TURN_CHARS) + "…" : content));
        }

        private WorkflowResult result(String finalResponse, String status, String summary, TerminatedBy by) {
            double seconds = Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1e9;
            return new WorkflowResult(finalResponse, sequence, Math.round(seconds * 1000) / 1000.0, status, summary,
                    by.wire(), history, category, confidence, engine.name(), tokens.total());
        }
    }
}
