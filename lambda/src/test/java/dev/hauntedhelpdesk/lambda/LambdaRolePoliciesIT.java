package dev.hauntedhelpdesk.lambda;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The IAM policies in {@code lambda/template.yaml} against the SDK calls the code made while the
 * contract suites ran under Surefire in this same build ({@code SdkCallRecorder}, one context per
 * handler, each under its function's role): every call is granted, on a resource that matches,
 * and every action and resource a policy grants is needed by some call. Emulators enforce no
 * IAM, so this is where a missing or surplus permission shows.
 *
 * <p>Only each function's {@code Policies} are held to the code. SAM adds the platform's own
 * (CloudWatch Logs, X-Ray for {@code Tracing: Active}, the SQS event source's poller), which the
 * Lambda service uses, not the code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaRolePoliciesIT {

    /**
     * The roles checked: the template's logical id, which the test runtimes also give the
     * recorder ({@link LambdaRuntime#ROLE}, {@link TriageQueueHandlerTest#ROLE}). The container's
     * task role joins as one more entry once it has a template and its suites record under it.
     */
    private static final List<String> ROLES = List.of(LambdaRuntime.ROLE, TriageQueueHandlerTest.ROLE);

    /**
     * Calls the code makes only because a test turns a setting on, by their innermost
     * application frame, with that setting. Each is checked to come from contexts with the
     * setting on, and the template to leave it off, so leaving them out is honest.
     */
    private static final Map<String, String> TEST_SETTING_CALLERS = Map.of(
            // Tests and dev mode create their table at start-up (DYNAMODB_CREATE_TABLE=true);
            // the stack creates HelpdeskTable itself.
            "HelpdeskTable.createIfMissing", "helpdesk.create-table");

    private SdkCalls record;
    private SamTemplate template;
    private ApplicationVariables variables;

    @BeforeAll
    void read() {
        record = SdkCalls.read();
        template = SamTemplate.load();
        variables = ApplicationVariables.load();
        summary();
    }

    @Test
    void theRecord_holdsCallsOfEveryRole_andNothingItCouldNotRead() {
        assumeTrue(!filteredRun() || !record.calls().isEmpty(), "Surefire ran only "
                + System.getProperty("surefire.test") + ", which made no recorded call");
        assertFalse(record.calls().isEmpty(), "Nothing was recorded in " + record.directory().toAbsolutePath()
                + ": the contract suites must run under Surefire in the same build (./mvnw verify)");
        assertEquals(List.of(), record.errors(), "lines the recorder could not make sense of");
        if (!filteredRun()) {
            for (String role : ROLES) {
                assertFalse(checked(role).isEmpty(), "No call was recorded for " + role);
            }
        }
    }

    @Test
    void everyCallTheCodeMakes_isGrantedByItsRolesPolicy() {
        assumeTrue(!record.calls().isEmpty(), "nothing recorded");
        Set<String> missing = new TreeSet<>();
        for (String role : ROLES) {
            RolePolicy policy = RolePolicy.ofFunction(template, role);
            Map<String, String> seen = new LinkedHashMap<>();
            for (SdkCalls.Call call : checked(role)) {
                RolePolicy.Deployment deployment = deployment(policy, call);
                for (IamActions.Required required : IamActions.required(call)) {
                    boolean granted = policy.statements().stream().anyMatch(s -> s.grants(required.action())
                            && s.resources().stream().anyMatch(r -> deployment.resolve(r)
                            .map(pattern -> RolePolicy.matches(pattern, required.arn())).orElse(false)));
                    if (!granted) {
                        // One line per kind of gap, not per object key.
                        seen.putIfAbsent(role + " " + IamActions.key(call) + " " + required.action() + " "
                                + call.caller(), call + " needs " + required.action() + " on "
                                + required.arn());
                    }
                }
            }
            missing.addAll(seen.values());
        }
        assertEquals(Set.of(), missing, "calls the template's policies do not grant");
    }

    @Test
    void theRolesPolicies_grantNothingTheCodeNeverCalls() {
        assumeTrue(!filteredRun(), "Surefire ran only " + System.getProperty("surefire.test")
                + ", so the record cannot show what is never called");
        List<String> unused = new ArrayList<>();
        for (String role : ROLES) {
            RolePolicy policy = RolePolicy.ofFunction(template, role);
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
        }
        assertEquals(List.of(), unused, "grants the code never uses");
    }

    @Test
    void callsLeftOut_comeOnlyFromTestSettings_thatTheTemplateLeavesOff() {
        for (Map.Entry<String, String> left : TEST_SETTING_CALLERS.entrySet()) {
            String setting = left.getValue();
            String variable = variables.variable(setting).orElseThrow(() ->
                    new AssertionError("application.yml sets " + setting + " from no variable"));
            assertEquals("false", variables.property(variable).orElseThrow().defaultValue(),
                    setting + " must default to off (" + variable + ")");
            for (String role : ROLES) {
                Object deployed = RolePolicy.ofFunction(template, role).environment().get(variable);
                assertTrue(deployed == null || "false".equals(String.valueOf(deployed)),
                        role + " sets " + variable + "=" + deployed + ": then the calls it causes need grants too");
            }
            for (SdkCalls.Call call : record.calls()) {
                if (call.caller().equals(left.getKey())) {
                    assertEquals("true", record.settings(call).get(setting),
                            call + " was left out as a test-only call, yet its context had " + setting + " off");
                }
            }
        }
    }

    /** A role's calls, less those made only because of a test setting. */
    private List<SdkCalls.Call> checked(String role) {
        return record.of(role).stream().filter(c -> !TEST_SETTING_CALLERS.containsKey(c.caller())).toList();
    }

    private RolePolicy.Deployment deployment(RolePolicy policy, SdkCalls.Call call) {
        return policy.deployment(call.region(), record.settings(call), variables);
    }

    /** Surefire ran a subset (-Dtest=...): the record covers only what those tests call. */
    private static boolean filteredRun() {
        String test = System.getProperty("surefire.test", "");
        return !test.isBlank() && !test.startsWith("${");
    }

    private void summary() {
        Map<String, Integer> counts = new TreeMap<>();
        for (SdkCalls.Call call : record.calls()) {
            String excluded = TEST_SETTING_CALLERS.containsKey(call.caller()) ? " (test setting, left out)" : "";
            counts.merge(call.role() + " " + call.service() + "." + call.operation()
                    + (call.part().isEmpty() ? "" : "." + call.part()) + (call.presigned() ? " presigned" : "")
                    + excluded, 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder("Recorded SDK calls (distinct), " + record.contexts().size()
                + " contexts, from " + record.directory() + ":\n");
        counts.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        System.out.print(out);
    }
}
