package dev.hauntedhelpdesk.bench;

/**
 * What a subject is sent, call after call, and what counts as a right answer, so that a subject
 * that fails cannot post a fast figure.
 */
interface Workload {

    /** The event of call {@code call}: 0 is the cold call, made on the very first poll. */
    String event(int call);

    /** Why this answer (the function's response payload) is wrong; {@code null} when it is right. */
    String problem(String response);

    /** Warm calls after the cold one in each cold start. */
    int warmCalls();

    /** The warm column's heading for this workload's subjects. */
    default String warmCall() {
        return "GET";
    }
}
