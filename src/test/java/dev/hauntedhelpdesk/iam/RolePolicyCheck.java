package dev.hauntedhelpdesk.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A role's policy against the SDK calls recorded under that role ({@link SdkCalls}): which calls
 * it does not grant, on a resource that matches, and which of its actions and resources no call
 * needs. Each runtime's role-policy test reads its template's roles and asserts that both lists
 * are empty; emulators enforce no IAM, so this is where a missing or surplus permission shows.
 */
public final class RolePolicyCheck {

    private final SdkCalls record;
    private final ApplicationVariables variables;
    private final Map<String, String> testSettingCallers;

    /**
     * @param record what the suites recorded
     * @param variables which variable sets which application property
     * @param testSettingCallers calls made only because a test turns a setting on, by their
     *     innermost application frame ({@code HelpdeskTable.createIfMissing}), with that setting's
     *     key ({@code helpdesk.create-table}); these are left out of both checks, and
     *     {@link #testSettingLeaks} shows that leaving them out is honest
     */
    public RolePolicyCheck(SdkCalls record, ApplicationVariables variables, Map<String, String> testSettingCallers) {
        this.record = record;
        this.variables = variables;
        this.testSettingCallers = Map.copyOf(testSettingCallers);
    }

    /** Surefire ran a subset (-Dtest=...): the record covers only what those tests call. */
    public static boolean filteredRun() {
        String test = System.getProperty("surefire.test", "");
        return !test.isBlank() && !test.startsWith("${");
    }

    public SdkCalls record() {
        return record;
    }

    /** A role's calls, less those made only because of a test setting. */
    public List<SdkCalls.Call> checked(String role) {
        return record.of(role).stream().filter(c -> !testSettingCallers.containsKey(c.caller())).toList();
    }

    /** One line per kind of call the policy does not grant (not one per object key). */
    public Set<String> ungranted(String role, RolePolicy policy) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (SdkCalls.Call call : checked(role)) {
            RolePolicy.Deployment deployment = deployment(policy, call);
            for (IamActions.Required required : IamActions.required(call)) {
                boolean granted = policy.statements().stream().anyMatch(s -> s.grants(required.action())
                        && s.resources().stream().anyMatch(r -> deployment.resolve(r)
                        .map(pattern -> RolePolicy.matches(pattern, required.arn())).orElse(false)));
                if (!granted) {
                    seen.putIfAbsent(role + " " + IamActions.key(call) + " " + required.action() + " "
                            + call.caller(), call + " needs " + required.action() + " on " + required.arn());
                }
            }
        }
        return new TreeSet<>(seen.values());
    }

    /** Every action and every resource of a statement that no recorded call of the role needs. */
    public List<String> unused(String role, RolePolicy policy) {
        List<RolePolicy.Statement> statements = policy.statements();
        List<Set<String>> usedActions = new ArrayList<>();
        List<Set<Integer>> usedResources = new ArrayList<>();
        statements.forEach(s -> {
            usedActions.add(new LinkedHashSet<>());
            usedResources.add(new LinkedHashSet<>());
        });
        for (SdkCalls.Call call : checked(role)) {
            RolePolicy.Deployment deployment = deployment(policy, call);
            for (IamActions.Required required : IamActions.required(call)) {
                for (int i = 0; i < statements.size(); i++) {
                    RolePolicy.Statement statement = statements.get(i);
                    if (!statement.grants(required.action())) {
                        continue;
                    }
                    for (int r = 0; r < statement.resources().size(); r++) {
                        boolean match = deployment.resolve(statement.resources().get(r))
                                .map(pattern -> RolePolicy.matches(pattern, required.arn())).orElse(false);
                        if (match) {
                            usedActions.get(i).add(required.action().toLowerCase(Locale.ROOT));
                            usedResources.get(i).add(r);
                        }
                    }
                }
            }
        }
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            RolePolicy.Statement statement = statements.get(i);
            for (String action : statement.actions()) {
                if (!usedActions.get(i).contains(action.toLowerCase(Locale.ROOT))) {
                    unused.add(role + ": " + statement + " grants " + action
                            + ", which no recorded call needs on its resources");
                }
            }
            for (int r = 0; r < statement.resources().size(); r++) {
                if (!usedResources.get(i).contains(r)) {
                    unused.add(role + ": " + statement + " grants on " + statement.resources().get(r)
                            + ", which no recorded call needs (or which reaches the code through no variable)");
                }
            }
        }
        return unused;
    }

    /**
     * Why leaving the test-setting calls out could be dishonest: a setting that does not default
     * to off, a role whose template turns it on, or such a call recorded in a context that had
     * the setting off.
     */
    public List<String> testSettingLeaks(Map<String, RolePolicy> roles) {
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> left : testSettingCallers.entrySet()) {
            String setting = left.getValue();
            String variable = variables.variable(setting).orElse(null);
            if (variable == null) {
                leaks.add("application.properties sets " + setting + " from no variable");
                continue;
            }
            String defaultValue = variables.property(variable).orElseThrow().defaultValue();
            if (!"false".equals(defaultValue)) {
                leaks.add(setting + " must default to off (" + variable + "), not " + defaultValue);
            }
            roles.forEach((role, policy) -> {
                Object deployed = policy.environment().get(variable);
                if (deployed != null && !"false".equals(String.valueOf(deployed))) {
                    leaks.add(role + " sets " + variable + "=" + deployed + ": then the calls it causes need grants too");
                }
            });
            for (SdkCalls.Call call : record.calls()) {
                if (call.caller().equals(left.getKey()) && !"true".equals(record.settings(call).get(setting))) {
                    leaks.add(call + " was left out as a test-only call, yet its context had " + setting + " off");
                }
            }
        }
        return leaks;
    }

    /** The distinct calls by role, operation and resource kind, for the build log. */
    public String summary() {
        Map<String, Integer> counts = new TreeMap<>();
        for (SdkCalls.Call call : record.calls()) {
            String excluded = testSettingCallers.containsKey(call.caller()) ? " (test setting, left out)" : "";
            counts.merge(call.role() + " " + call.service() + "." + call.operation()
                    + (call.part().isEmpty() ? "" : "." + call.part()) + (call.presigned() ? " presigned" : "")
                    + excluded, 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder("Recorded SDK calls (distinct), " + record.contexts().size()
                + " contexts, from " + record.directory() + ":\n");
        counts.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }

    private RolePolicy.Deployment deployment(RolePolicy policy, SdkCalls.Call call) {
        return policy.deployment(call.region(), record.settings(call), variables);
    }
}
