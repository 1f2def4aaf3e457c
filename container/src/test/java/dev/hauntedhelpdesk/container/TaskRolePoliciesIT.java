package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.iam.ApplicationVariables;
import dev.hauntedhelpdesk.iam.RolePolicy;
import dev.hauntedhelpdesk.iam.RolePolicyCheck;
import dev.hauntedhelpdesk.iam.SdkCalls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ECS task role in {@code container/template.yaml} against the SDK calls the container's
 * contract suites made under Surefire in this same build (every Netty server of those suites
 * records as {@link NettyRuntime#ROLE}): every call is granted on a resource that matches, and
 * every action and resource the role grants is needed by some call. Checked for both ways the
 * stack is deployed: creating its table, pool and bucket, or taking existing ones from parameters
 * (each gives the role other resources and the task other variables). The checks are the Lambda
 * roles' ({@link RolePolicyCheck}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskRolePoliciesIT {

    private static final String TASK_DEFINITION = "TaskDefinition";
    private static final String CONTAINER = "app";

    /** As for the Lambda roles: tests create their table at start-up, the stack never does. */
    private static final Map<String, String> TEST_SETTING_CALLERS = Map.of(
            "HelpdeskTable.createIfMissing", "helpdesk.create-table");

    /** The two shapes of the stack; the service (and so the task definition) exists once an image is named. */
    enum Deployment {
        CREATES_ITS_DATA(Map.of("ImageTag", "1.0.0")),
        USES_EXISTING_DATA(Map.of("ImageTag", "1.0.0", "ExistingTableName", "helpdesk-tickets",
                "ExistingUserPoolId", "us-east-1_Existing1", "AppClientIds", "existingclient",
                "ExistingAttachmentBucketName", "helpdesk-attachments"));

        final Map<String, String> parameters;

        Deployment(Map<String, String> parameters) {
            this.parameters = parameters;
        }

        EcsTemplate template() {
            return EcsTemplate.deployedWith(parameters);
        }

        RolePolicy taskRole() {
            return template().taskRolePolicy(TASK_DEFINITION, CONTAINER);
        }
    }

    private RolePolicyCheck check;

    @BeforeAll
    void read() {
        check = new RolePolicyCheck(SdkCalls.read(), ApplicationVariables.load(), TEST_SETTING_CALLERS);
        System.out.print(check.summary());
    }

    @Test
    void theRecord_holdsTheTaskRolesCalls_andNothingItCouldNotRead() {
        SdkCalls record = check.record();
        assumeTrue(!RolePolicyCheck.filteredRun() || !record.calls().isEmpty(), "Surefire ran only "
                + System.getProperty("surefire.test") + ", which made no recorded call");
        assertFalse(check.checked(NettyRuntime.ROLE).isEmpty(), "Nothing was recorded for " + NettyRuntime.ROLE
                + " in " + record.directory().toAbsolutePath()
                + ": the contract suites must run under Surefire in the same build (./mvnw verify)");
        assertEquals(List.of(), record.errors(), "lines the recorder could not make sense of");
        assertEquals(Set.of(NettyRuntime.ROLE), Set.copyOf(record.calls().stream().map(SdkCalls.Call::role).toList()),
                "only the container's role records here");
    }

    @ParameterizedTest
    @EnumSource(Deployment.class)
    void theTaskDefinition_runsTheCodeAsTheRoleTheSuitesRecordUnder(Deployment deployment) {
        assertEquals(NettyRuntime.ROLE, deployment.template().taskRoleId(TASK_DEFINITION));
    }

    @ParameterizedTest
    @EnumSource(Deployment.class)
    void everyCallTheCodeMakes_isGrantedByTheTaskRole(Deployment deployment) {
        assumeTrue(!check.record().calls().isEmpty(), "nothing recorded");
        assertEquals(Set.of(), check.ungranted(NettyRuntime.ROLE, deployment.taskRole()),
                "calls the task role does not grant");
    }

    @ParameterizedTest
    @EnumSource(Deployment.class)
    void theTaskRole_grantsNothingTheCodeNeverCalls(Deployment deployment) {
        assumeTrue(!RolePolicyCheck.filteredRun(), "Surefire ran only " + System.getProperty("surefire.test")
                + ", so the record cannot show what is never called");
        assertEquals(List.of(), check.unused(NettyRuntime.ROLE, deployment.taskRole()), "grants the code never uses");
    }

    @ParameterizedTest
    @EnumSource(Deployment.class)
    void callsLeftOut_comeOnlyFromTestSettings_thatTheTaskLeavesOff(Deployment deployment) {
        assertEquals(List.of(), check.testSettingLeaks(Map.of(NettyRuntime.ROLE, deployment.taskRole())));
    }

    @Test
    void theDeployments_differInTheResourcesTheRoleNames() {
        // Otherwise the two runs above would check one thing twice.
        assertTrue(Deployment.CREATES_ITS_DATA.template().has("HelpdeskTable"));
        assertFalse(Deployment.USES_EXISTING_DATA.template().has("HelpdeskTable"));
        assertFalse(Deployment.USES_EXISTING_DATA.template().has("AttachmentBucket"));
    }
}
