package dev.hauntedhelpdesk.bench.plain;

import java.util.List;

/** Who a verified token speaks for: the user's {@code sub} and Cognito groups. */
record Caller(String sub, List<String> groups) {

    /** Staff (the project's {@code agents} and {@code admins} groups) see every ticket; others their own. */
    boolean maySee(String requester) {
        return groups.contains("agents") || groups.contains("admins") || sub.equals(requester);
    }
}
