package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.iam.CloudFormationYaml;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delivery workflows in {@code .github/workflows} against what CI runs and what the templates
 * take: the test job runs the commands of {@code .ci/run} in its order, README's test command among
 * them; AWS is reached only by assuming a role through OIDC; production is deployed after staging,
 * in its own environment; and every stack parameter the workflow sets is one its template declares.
 */
class DeliveryWorkflowTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DELIVER = ROOT.resolve(".github/workflows/deliver.yml");
    private static final Path DEPLOY = ROOT.resolve(".github/workflows/deploy.yml");
    /** A line that runs one of the project's scripts or the Maven wrapper: what .ci/run is made of. */
    private static final Pattern COMMAND = Pattern.compile("bash \\S+|\\./mvnw .+");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@(v\\d+(\\.\\d+)*|[0-9a-f]{40})");
    private static final String CREDENTIALS_ACTION = "aws-actions/configure-aws-credentials@";

    private final Map<String, Object> deliver = yaml(DELIVER);
    private final Map<String, Object> deploy = yaml(DEPLOY);

    @Test
    void theTestJob_runsTheCommandsOfCiRun_inTheirOrder() throws IOException {
        List<String> ciRun = commands(Files.readString(ROOT.resolve(".ci/run")));
        assertTrue(ciRun.size() >= 3, ".ci/run's commands not found: " + ciRun);
        List<String> workflow = new ArrayList<>();
        for (Map<String, Object> step : steps(job(deliver, "test"))) {
            if (step.get("run") instanceof String script) {
                workflow.addAll(commands(script));
            }
        }
        assertEquals(ciRun, workflow);
    }

    @Test
    void readmesTestCommand_isOneOfThem() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int block = readme.indexOf("```bash\n") + "```bash\n".length();
        String testCommand = readme.substring(block, readme.indexOf("```", block)).lines().toList().get(1).strip();
        assertEquals("./mvnw -B verify", testCommand, "README's second command");
        assertTrue(commands(Files.readString(ROOT.resolve(".ci/run"))).contains(testCommand));
    }

    @Test
    void pullRequestsAreTested_onlyMainIsBuiltAndDeployed() {
        Map<String, Object> triggers = map(deliver.containsKey("on") ? deliver.get("on") : deliver.get(true));
        assertTrue(triggers.containsKey("pull_request"), "pull requests run the test job");
        assertEquals(List.of("main"), map(triggers.get("push")).get("branches"));
        assertFalse(job(deliver, "test").containsKey("if"), "the test job runs for every trigger");
        String buildCondition = String.valueOf(job(deliver, "build").get("if"));
        assertTrue(buildCondition.contains("github.event_name == 'push'") && buildCondition.contains("refs/heads/main"),
                buildCondition);
        assertEquals(List.of("test"), needs(job(deliver, "build")));
        assertEquals(List.of("build"), needs(job(deliver, "deploy-staging")));
    }

    @Test
    void noAwsKeyIsStored_andNoSecretIsNeeded() throws IOException {
        for (Path workflow : List.of(DELIVER, DEPLOY)) {
            String text = Files.readString(workflow);
            for (String key : List.of("aws-access-key-id", "aws-secret-access-key", "aws-session-token",
                    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "secrets.")) {
                assertFalse(text.contains(key), workflow + " mentions " + key);
            }
        }
    }

    @Test
    void awsCredentials_comeFromAnAssumedRole_withAnOidcToken() {
        Map<String, Object> deployJob = job(deploy, "deploy");
        List<Map<String, Object>> credentialSteps = steps(deployJob).stream()
                .filter(step -> String.valueOf(step.get("uses")).startsWith(CREDENTIALS_ACTION)).toList();
        assertEquals(1, credentialSteps.size(), "one credentials step in the deploy job");
        Map<String, Object> inputs = map(credentialSteps.get(0).get("with"));
        assertTrue(String.valueOf(inputs.get("role-to-assume")).startsWith("${{ vars."), "role from the environment");
        assertEquals(Set.of("role-to-assume", "role-session-name", "aws-region"), inputs.keySet());
        assertEquals("write", map(deployJob.get("permissions")).get("id-token"));
        for (String caller : List.of("deploy-staging", "deploy-production")) {
            // A called workflow gets no more than its caller's job grants.
            assertEquals("write", map(job(deliver, caller).get("permissions")).get("id-token"), caller);
        }
        for (String other : List.of("test", "build")) {
            assertFalse(job(deliver, other).containsKey("permissions"), other + " keeps the read-only default");
            assertTrue(steps(job(deliver, other)).stream().noneMatch(s -> String.valueOf(s.get("uses")).startsWith(CREDENTIALS_ACTION)),
                    other + " must not reach AWS");
        }
        assertEquals(Map.of("contents", "read"), deliver.get("permissions"));
    }

    @Test
    void production_isDeployedAfterStaging_inItsOwnEnvironment() {
        Map<String, Object> staging = job(deliver, "deploy-staging");
        Map<String, Object> production = job(deliver, "deploy-production");
        assertEquals(List.of("deploy-staging"), needs(production));
        for (Map<String, Object> caller : List.of(staging, production)) {
            assertEquals("./.github/workflows/deploy.yml", caller.get("uses"));
        }
        assertEquals("staging", map(staging.get("with")).get("environment"));
        assertEquals("production", map(production.get("with")).get("environment"));
        assertEquals("${{ inputs.environment }}", job(deploy, "deploy").get("environment"));
        assertTrue(map(map(deploy.containsKey("on") ? deploy.get("on") : deploy.get(true)).get("workflow_call"))
                .containsKey("inputs"), "deploy.yml is only called, never triggered");
    }

    @Test
    void bothStacksAreDeployed_withParametersTheirTemplatesDeclare() {
        Set<String> deployed = new java.util.TreeSet<>();
        int overrides = 0;
        for (Map<String, Object> step : steps(job(deploy, "deploy"))) {
            if (!(step.get("run") instanceof String script)) {
                continue;
            }
            for (String command : script.replace("\\\n", " ").lines().toList()) {
                Matcher template = Pattern.compile("--template-file (\\S+)").matcher(command);
                if (!template.find()) {
                    continue;
                }
                deployed.add(template.group(1));
                Set<String> declared = map(CloudFormationYaml.read(ROOT.resolve(template.group(1))).get("Parameters")).keySet();
                for (String name : parameterOverrides(command)) {
                    assertTrue(declared.contains(name), template.group(1) + " declares no parameter " + name);
                    overrides++;
                }
            }
        }
        assertEquals(Set.of("container/template.yaml", "lambda/template.yaml"), deployed);
        assertTrue(overrides > 0, "the ECS stack is given the new ImageTag");
    }

    @Test
    void theBuildJob_makesTheArtifactsTheDeployJobTakes() throws IOException {
        List<Map<String, Object>> build = steps(job(deliver, "build"));
        String scripts = String.join("\n", build.stream().map(s -> String.valueOf(s.get("run"))).toList());
        assertTrue(scripts.contains("./mvnw -B -pl lambda -am package"), "the Lambda artifact");
        assertTrue(scripts.contains("docker build -f container/Dockerfile"), "the image");
        List<String> uploaded = build.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("actions/upload-artifact@"))
                .map(s -> map(s.get("with"))).filter(with -> "lambda-artifact".equals(with.get("name")))
                .map(with -> String.valueOf(with.get("path"))).findFirst().orElseThrow().lines().map(String::strip).toList();
        Matcher codeUri = Pattern.compile("CodeUri: (\\S+)").matcher(Files.readString(ROOT.resolve("lambda/template.yaml")));
        int codeUris = 0;
        while (codeUri.find()) {
            Path jar = Path.of("lambda", codeUri.group(1));
            assertTrue(uploaded.stream().anyMatch(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(jar)),
                    uploaded + " must hold " + jar + ", a CodeUri of lambda/template.yaml");
            codeUris++;
        }
        assertEquals(2, codeUris, "the triage function's jar and the API function's");
        Map<String, Object> download = steps(job(deploy, "deploy")).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/download-artifact@"))
                .map(s -> map(s.get("with"))).filter(with -> "lambda-artifact".equals(with.get("name")))
                .findFirst().orElseThrow();
        assertEquals("lambda/target", download.get("path"), "the jar goes back where CodeUri finds it");
    }

    @Test
    void theLambdaArtifact_isBuiltForTheArchitectureBothEnvironmentsDeploy() {
        String architecture = String.valueOf(map(deliver.get("env")).get("LAMBDA_ARCHITECTURE"));
        assertTrue(Set.of("arm64", "x86_64").contains(architecture), architecture);
        String scripts = String.join("\n", steps(job(deliver, "build")).stream().map(s -> String.valueOf(s.get("run"))).toList());
        assertTrue(scripts.contains("-Dlambda.architecture=\"$LAMBDA_ARCHITECTURE\""), scripts);
        for (String caller : List.of("deploy-staging", "deploy-production")) {
            assertEquals(architecture, map(job(deliver, caller).get("with")).get("lambda-architecture"), caller);
        }
        Map<String, Object> lambdaStack = steps(job(deploy, "deploy")).stream()
                .filter(s -> String.valueOf(s.get("run")).contains("--template-file lambda/template.yaml")).findFirst().orElseThrow();
        assertEquals("${{ inputs.lambda-architecture }}", map(lambdaStack.get("env")).get("LAMBDA_ARCHITECTURE"));
        assertTrue(String.valueOf(lambdaStack.get("run")).contains("Architecture=\"$LAMBDA_ARCHITECTURE\""));
    }

    @Test
    void everyActionIsPinnedToAVersion() {
        for (Map<String, Object> workflow : List.of(deliver, deploy)) {
            for (Object job : map(workflow.get("jobs")).values()) {
                for (Map<String, Object> step : steps(map(job))) {
                    if (step.get("uses") instanceof String action) {
                        assertTrue(PINNED.matcher(action).matches(), action + " is not pinned to a version");
                    }
                }
            }
        }
    }

    static List<String> commands(String script) {
        return script.lines().map(String::strip).filter(line -> COMMAND.matcher(line).matches()).toList();
    }

    /** The KEY=VALUE names after {@code --parameter-overrides}, up to the next option. */
    static List<String> parameterOverrides(String command) {
        int start = command.indexOf("--parameter-overrides");
        if (start < 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String token : command.substring(start + "--parameter-overrides".length()).strip().split("\\s+")) {
            if (token.startsWith("--")) {
                break;
            }
            names.add(token.substring(0, token.indexOf('=')));
        }
        return names;
    }

    private static Map<String, Object> job(Map<String, Object> workflow, String name) {
        Map<String, Object> jobs = map(workflow.get("jobs"));
        assertTrue(jobs.containsKey(name), "no job " + name + " in " + jobs.keySet());
        return map(jobs.get(name));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.getOrDefault("steps", List.of());
    }

    private static List<?> needs(Map<String, Object> job) {
        return job.get("needs") instanceof List<?> list ? list : List.of(job.get("needs"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "expected a mapping, got " + value);
        return (Map<String, Object>) value;
    }

    /** YAML 1.1, as SnakeYAML reads it: the key {@code on} becomes {@code true}, hence the lookups above. */
    private static Map<String, Object> yaml(Path path) {
        try {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
