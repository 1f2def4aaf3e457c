package dev.hauntedhelpdesk.triage;

/** A specialist's turn: either an answer for the requester or a handoff to another specialist. */
public sealed interface AgentReply {

    /**
     * An answer. {@code resolved} is false when the specialist could not solve the ticket and a
     * person must take over ({@code response} then says why).
     */
    record Answer(String response, boolean resolved) implements AgentReply {
    }

    /** Pass the ticket to the specialist named {@code to} (a wire name such as {@code cloud}). */
    record Handoff(String to, String reason) implements AgentReply {
    }
}
