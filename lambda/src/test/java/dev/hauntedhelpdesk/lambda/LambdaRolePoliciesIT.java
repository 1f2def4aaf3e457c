package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.iam.ApplicationVariables;
import dev.hauntedhelpdesk.iam.RolePolicy;
import dev.hauntedhelpdesk.iam.RolePolicyCheck;
import dev.hauntedhelpdesk.iam.SdkCalls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The IAM policies in {@code lambda/template.yaml} against the SDK calls the code made while the
 * contract suites ran under Surefire in this same build ({@code SdkCallRecorder}, one context per
 * handler, each under its function's role): every call is granted, on a resource that matches,
 * and every action and resource a policy grants is needed by some call ({@link RolePolicyCheck}).
 * The container's task role is held to its own suites the same way (container
 * {@code TaskRolePoliciesIT}).
 *
 * <p>Only each function's {@code Policies} are held to the code. SAM adds the platform's own
 * (CloudWatch Logs, X-Ray for {@code Tracing: Active}, the SQS event source's poller), which the
 * Lambda service uses, not the code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaRolePoliciesIT {

    /**
     * The roles checked: the template's logical id, which the test runtimes also give the
     * recorder ({@link LambdaRuntime#ROLE}, {@link TriageQueueHandlerTest#ROLE}).
     */
    private static final List<String> ROLES = List.of(LambdaRuntime.ROLE, TriageQueueHandlerTest.ROLE);

    /**
     * Calls the code makes only because a test turns a setting on, by their innermost
     * application frame, with that setting. Each is checked to come from contexts with the
     * setting on, and the template to leave it off, so leaving them out is honest.
     */
    static final Map<String, String> TEST_SETTING_CALLERS = Map.of(
            // Tests and dev mode create their table at start-up (DYNAMODB_CREATE_TABLE=true);
            // the stack creates HelpdeskTable itself.
            "HelpdeskTable.createIfMissing", "helpdesk.create-table");

    private RolePolicyCheck check;
    private Map<String, RolePolicy> policies;

    @BeforeAll
    void read() {
        check = new RolePolicyCheck(SdkCalls.read(), ApplicationVariables.load(), TEST_SETTING_CALLERS);
        SamTemplate template = SamTemplate.load();
        policies = new LinkedHashMap<>();
        ROLES.forEach(role -> policies.put(role, template.rolePolicy(role)));
        System.out.print(check.summary());
    }

    @Test
    void theRecord_holdsCallsOfEveryRole_andNothingItCouldNotRead() {
        SdkCalls record = check.record();
        assumeTrue(!RolePolicyCheck.filteredRun() || !record.calls().isEmpty(), "Surefire ran only "
                + System.getProperty("surefire.test") + ", which made no recorded call");
        assertFalse(record.calls().isEmpty(), "Nothing was recorded in " + record.directory().toAbsolutePath()
                + ": the contract suites must run under Surefire in the same build (./mvnw verify)");
        assertEquals(List.of(), record.errors(), "lines the recorder could not make sense of");
        if (!RolePolicyCheck.filteredRun()) {
            for (String role : ROLES) {
                assertFalse(check.checked(role).isEmpty(), "No call was recorded for " + role);
            }
        }
    }

    @Test
    void everyCallTheCodeMakes_isGrantedByItsRolesPolicy() {
        assumeTrue(!check.record().calls().isEmpty(), "nothing recorded");
        Set<String> missing = new TreeSet<>();
        policies.forEach((role, policy) -> missing.addAll(check.ungranted(role, policy)));
        assertEquals(Set.of(), missing, "calls the template's policies do not grant");
    }

    @Test
    void theRolesPolicies_grantNothingTheCodeNeverCalls() {
        assumeTrue(!RolePolicyCheck.filteredRun(), "Surefire ran only " + System.getProperty("surefire.test")
                + ", so the record cannot show what is never called");
        List<String> unused = new ArrayList<>();
        policies.forEach((role, policy) -> unused.addAll(check.unused(role, policy)));
        assertEquals(List.of(), unused, "grants the code never uses");
    }

    @Test
    void callsLeftOut_comeOnlyFromTestSettings_thatTheTemplateLeavesOff() {
        assertEquals(List.of(), check.testSettingLeaks(policies));
    }
}
