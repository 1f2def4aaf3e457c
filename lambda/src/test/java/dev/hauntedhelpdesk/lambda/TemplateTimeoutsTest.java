package dev.hauntedhelpdesk.lambda;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The time limits in the SAM template fit together: a synchronous triage run ends before API
 * Gateway gives up on the API function, the queue's function outlives its runs, SQS does not
 * redeliver a message still being worked, and the shared lease outlasts every function's run.
 */
class TemplateTimeoutsTest {

    /** API Gateway's HTTP API integration timeout, which no setting raises. */
    private static final int HTTP_API_INTEGRATION_TIMEOUT = 30;
    /** Time a run needs after its last step to write the outcome back. */
    private static final int WRITE_BACK = 3;

    private final SamTemplate template = SamTemplate.load();

    @Test
    void apiFunction_endsASynchronousRunBeforeTheIntegrationTimesOut() {
        int timeout = executionTimeout("ApiFunction");
        int functionTimeout = ((Number) template.properties("ApiFunction").get("Timeout")).intValue();

        assertTrue(timeout + WRITE_BACK <= Math.min(functionTimeout, HTTP_API_INTEGRATION_TIMEOUT),
                "EXECUTION_TIMEOUT " + timeout + " s leaves no time to answer within " + functionTimeout + " s");
    }

    @Test
    void apiFunction_answersProcessBeforeTheIntegrationTimesOut_andDeploysTheArtifactWithoutTheModel() {
        int wait = Integer.parseInt(functionVariables("ApiFunction").get("TRIAGE_MAX_WAIT").toString());
        int functionTimeout = ((Number) template.properties("ApiFunction").get("Timeout")).intValue();

        // A handed-off run's answer: the last poll, the result read, the response written.
        assertTrue(wait + WRITE_BACK <= Math.min(functionTimeout, HTTP_API_INTEGRATION_TIMEOUT),
                "TRIAGE_MAX_WAIT " + wait + " s leaves no time to answer within " + functionTimeout + " s");
        assertTrue(template.properties("ApiFunction").get("CodeUri").toString().endsWith("-api.jar"));
        assertEquals(null, template.properties("TriageFunction").get("CodeUri"), "the triage function deploys"
                + " the full artifact, the template's default");
    }

    @Test
    void triageFunction_outlivesItsRuns_andTheQueueOutlivesTheFunction() {
        int timeout = executionTimeout("TriageFunction");
        int functionTimeout = ((Number) template.properties("TriageFunction").get("Timeout")).intValue();
        int visibility = ((Number) template.properties("TriageQueue").get("VisibilityTimeout")).intValue();

        assertTrue(timeout + WRITE_BACK <= functionTimeout, timeout + " s run in a " + functionTimeout + " s function");
        assertTrue(visibility >= 6 * functionTimeout, "visibility timeout " + visibility + " s");
    }

    @Test
    void theLease_isSharedByBothFunctions_andOutlastsEveryRun() {
        int lease = Integer.parseInt(globalVariables().get("TRIAGE_LEASE").toString());

        assertEquals(null, functionVariables("ApiFunction").get("TRIAGE_LEASE"));
        assertEquals(null, functionVariables("TriageFunction").get("TRIAGE_LEASE"));
        assertTrue(lease > executionTimeout("ApiFunction") + WRITE_BACK);
        assertTrue(lease > executionTimeout("TriageFunction") + WRITE_BACK);
    }

    private int executionTimeout(String function) {
        Object value = functionVariables(function).getOrDefault("EXECUTION_TIMEOUT",
                globalVariables().getOrDefault("EXECUTION_TIMEOUT", "300"));
        return Integer.parseInt(value.toString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> globalVariables() {
        Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) template.root().get("Globals"))
                .get("Function");
        return (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> functionVariables(String function) {
        Object environment = template.properties(function).get("Environment");
        if (environment == null) {
            return Map.of();
        }
        return (Map<String, Object>) ((Map<String, Object>) environment).get("Variables");
    }
}
