package dev.hauntedhelpdesk.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.micronaut.context.env.PropertiesPropertySourceLoader;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsLoaderTest {

    /** The values application.properties falls back to when no environment variable is set. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("helpdesk.create-table", "false"),
            Map.entry("helpdesk.region", "us-east-1"),
            Map.entry("helpdesk.api-host", "0.0.0.0"),
            Map.entry("helpdesk.api-port", "8000"),
            Map.entry("helpdesk.cors-origins", ""),
            Map.entry("helpdesk.upload-dir", "./uploads"),
            Map.entry("helpdesk.max-upload-size-mb", "10"),
            Map.entry("helpdesk.attachment-store", "filesystem"),
            Map.entry("helpdesk.attachment-bucket", ""),
            Map.entry("helpdesk.max-files-per-request", "5"),
            Map.entry("helpdesk.max-handoffs", "10"),
            Map.entry("helpdesk.execution-timeout", "300"),
            Map.entry("helpdesk.bedrock-model-id", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"),
            Map.entry("helpdesk.triage.engine", "local"),
            Map.entry("helpdesk.triage.step-timeout", "60"),
            Map.entry("helpdesk.triage.repetition-window", "3"),
            Map.entry("helpdesk.triage.on-create", "true"),
            Map.entry("helpdesk.triage.queue-url", ""),
            Map.entry("helpdesk.triage.workers", "2"),
            Map.entry("helpdesk.triage.queue-capacity", "100"),
            Map.entry("helpdesk.triage.max-wait", "25"),
            Map.entry("helpdesk.cognito.region", ""),
            Map.entry("helpdesk.cognito.jwks-url", ""),
            Map.entry("helpdesk.cognito.jwks-connect-timeout", "2"),
            Map.entry("helpdesk.cognito.jwks-read-timeout", "3"),
            Map.entry("helpdesk.cognito.jwks-cache-ttl", "300"),
            Map.entry("helpdesk.cognito.jwks-failure-cache", "30"),
            Map.entry("helpdesk.cognito.clock-leeway", "60"));

    /** What a deployment must add: application.properties has no default for these. */
    private static final Map<String, String> REQUIRED = Map.of(
            "helpdesk.table-name", "helpdesk-tickets",
            "helpdesk.cognito.user-pool-id", "eu-west-1_AbC123",
            "helpdesk.cognito.client-ids", "client-a, client-b");

    // ---- defaults ---------------------------------------------------------------------------

    @Test
    void load_acceptsEveryDefault_onceTheRequiredValuesAreSet() {
        HelpdeskSettings settings = load(validSettings());

        assertAll(
                () -> assertEquals("helpdesk-tickets", settings.tableName()),
                () -> assertEquals("us-east-1", settings.region()),
                () -> assertEquals("0.0.0.0", settings.apiHost()),
                () -> assertEquals(8000, settings.apiPort()),
                () -> assertEquals(List.of(), settings.corsOrigins()),
                () -> assertEquals(Path.of("./uploads"), settings.uploadDir()),
                () -> assertEquals(10, settings.maxUploadSizeMb()),
                () -> assertEquals(10, settings.maxHandoffs()),
                () -> assertEquals(Duration.ofSeconds(300), settings.executionTimeout()),
                () -> assertEquals("us.anthropic.claude-sonnet-4-5-20250929-v1:0", settings.bedrockModelId()),
                () -> assertEquals(List.of("client-a", "client-b"), settings.cognito().clientIds()));
    }

    @Test
    void applicationProperties_resolvesToTheDocumentedDefaults_whenNoVariableIsSet() {
        // Loads the real application.properties, so its placeholders are resolved as Micronaut resolves them.
        // A variable set in the environment running the tests legitimately wins over the default.
        PropertySourcePropertyResolver resolver = new PropertySourcePropertyResolver(applicationProperties());
        Map<String, String> expected = new HashMap<>();
        Map<String, String> actual = new HashMap<>();
        DEFAULTS.forEach((key, value) -> {
            if (!key.equals("helpdesk.bedrock-model-id")) {
                expected.put(key, envOr(variableFor(key), value));
                actual.put(key, resolver.get(key, String.class).map(String::trim).orElse(""));
            }
        });
        assertEquals(expected, actual);
    }

    @Test
    void applicationProperties_keepsTheWholeDefaultBedrockModelId_includingItsColon() {
        // "${BEDROCK_MODEL_ID:us.anthropic...-v1:0}": Micronaut reads every further ':' as another
        // fallback, so an unquoted default containing ':' is cut at its last colon.
        PropertySourcePropertyResolver resolver = new PropertySourcePropertyResolver(applicationProperties());
        assertEquals(envOr("BEDROCK_MODEL_ID", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"),
                resolver.get("helpdesk.bedrock-model-id", String.class).orElse(""));
    }

    @Test
    void load_readsTheRealApplicationProperties_withOnlyTheRequiredValuesAdded() {
        PropertySource required = MapPropertySource.of("required", new HashMap<>(REQUIRED));
        HelpdeskSettings settings =
                new SettingsLoader(new PropertySourcePropertyResolver(applicationProperties(), required)).load();
        assertEquals("helpdesk-tickets", settings.tableName());
        assertEquals("eu-west-1_AbC123", settings.cognito().userPoolId());
    }

    // ---- one message naming every bad variable ------------------------------------------------

    @Test
    void load_namesEveryBadVariableInOneException_whenTableMissingPortNotANumberAndOriginBad() {
        Map<String, Object> settings = validSettings();
        settings.remove("helpdesk.table-name");
        settings.put("helpdesk.api-port", "abc");
        settings.put("helpdesk.cors-origins", "https://ok.example.com, app.example.com");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(settings));

        String message = e.getMessage();
        assertAll(
                () -> assertTrue(message.contains("DYNAMODB_TABLE_NAME"), message),
                () -> assertTrue(message.contains("API_PORT"), message),
                () -> assertTrue(message.contains("'abc'"), message),
                () -> assertTrue(message.contains("CORS_ORIGINS"), message),
                () -> assertTrue(message.contains("'app.example.com'"), message),
                () -> assertFalse(message.contains("'https://ok.example.com'"), message),
                () -> assertFalse(message.contains("COGNITO"), "a good variable was reported: " + message));
    }

    @Test
    void load_namesEveryRequiredVariable_whenNothingIsConfigured() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(new HashMap<>()));
        for (String variable : List.of("AWS_DEFAULT_REGION", "DYNAMODB_TABLE_NAME", "API_HOST", "API_PORT",
                "UPLOAD_DIR", "MAX_UPLOAD_SIZE_MB", "MAX_HANDOFFS", "EXECUTION_TIMEOUT",
                "BEDROCK_MODEL_ID", "COGNITO_USER_POOL_ID", "COGNITO_APP_CLIENT_IDS")) {
            assertTrue(e.getMessage().contains(variable), variable + " missing from: " + e.getMessage());
        }
    }

    @Test
    void load_namesNoVariableThatNothingReads_whenNothingIsConfigured() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(new HashMap<>()));
        assertFalse(e.getMessage().contains("MEMORY_DIR"), e.getMessage());
    }

    // ---- single settings ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"0", "70000", "-1", "65536", "80.5", ""})
    void load_rejectsApiPort_outsideOneTo65535(String port) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(validSettings("helpdesk.api-port", port)));
        assertTrue(e.getMessage().contains("API_PORT"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "65535", " 8080 "})
    void load_acceptsApiPort_insideOneTo65535(String port) {
        assertEquals(Integer.parseInt(port.trim()), load(validSettings("helpdesk.api-port", port)).apiPort());
    }

    @Test
    void load_acceptsCommaSeparatedOriginsAndTheWildcard() {
        HelpdeskSettings settings = load(validSettings("helpdesk.cors-origins",
                " https://app.example.com ,http://localhost:3000,,* "));
        assertEquals(List.of("https://app.example.com", "http://localhost:3000", "*"), settings.corsOrigins());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example.com", "https://app.example.com/path", "example.com", "https://"})
    void load_rejectsOriginsThatAreNotSchemeAndHost(String origin) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(validSettings("helpdesk.cors-origins", origin)));
        assertTrue(e.getMessage().contains("CORS_ORIGINS"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on"})
    void load_rejectsCreateTable_thatIsNotTrueOrFalse(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(validSettings("helpdesk.create-table", value)));
        assertTrue(e.getMessage().contains("DYNAMODB_CREATE_TABLE"), e.getMessage());
    }

    @Test
    void load_acceptsCreateTableTrue_inAnyCase() {
        assertEquals("helpdesk-tickets", load(validSettings("helpdesk.create-table", "TRUE")).tableName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"europe", "US-EAST-1", "us-east", "us_east_1"})
    void load_rejectsRegions_thatAreNotAwsRegions(String region) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(validSettings("helpdesk.region", region)));
        assertTrue(e.getMessage().contains("AWS_DEFAULT_REGION"), e.getMessage());
    }

    @Test
    void load_rejectsAMissingAppClientIdList() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(validSettings("helpdesk.cognito.client-ids", " , ")));
        assertTrue(e.getMessage().contains("COGNITO_APP_CLIENT_IDS"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AbC123", "eu-west-1", "eu-west-1_", "eu west 1_AbC"})
    void load_rejectsPoolIds_thatAreNotRegionUnderscoreId(String poolId) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(validSettings("helpdesk.cognito.user-pool-id", poolId)));
        assertTrue(e.getMessage().contains("COGNITO_USER_POOL_ID"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101"})
    void load_rejectsUploadLimits_outsideOneTo100(String megabytes) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(validSettings("helpdesk.max-upload-size-mb", megabytes)));
        assertTrue(e.getMessage().contains("MAX_UPLOAD_SIZE_MB"), e.getMessage());
    }

    @Test
    void load_keepsAttachmentsOnTheFilesystem_withFiveFilesPerRequest_byDefault() {
        HelpdeskSettings.Attachments attachments = load(validSettings()).attachments();
        assertEquals(HelpdeskSettings.AttachmentStore.FILESYSTEM, attachments.store());
        assertEquals(5, attachments.maxFilesPerRequest());
    }

    @Test
    void load_takesTheBucket_whenAttachmentsAreOnS3() {
        Map<String, Object> settings = validSettings("helpdesk.attachment-store", "S3");
        settings.put("helpdesk.attachment-bucket", "helpdesk-attachments");
        HelpdeskSettings.Attachments attachments = load(settings).attachments();
        assertEquals(HelpdeskSettings.AttachmentStore.S3, attachments.store());
        assertEquals("helpdesk-attachments", attachments.s3Bucket());
    }

    @Test
    void load_namesStoreBucketAndFileCount_whenAllAreBad() {
        Map<String, Object> settings = validSettings("helpdesk.attachment-store", "s3");
        settings.put("helpdesk.attachment-bucket", "Not_A_Bucket");
        settings.put("helpdesk.max-files-per-request", "21");
        String message = assertThrows(ConfigurationException.class, () -> load(settings)).getMessage();
        assertTrue(message.contains("ATTACHMENT_BUCKET"), message);
        assertTrue(message.contains("MAX_FILES_PER_REQUEST"), message);
        String store = assertThrows(ConfigurationException.class,
                () -> load(validSettings("helpdesk.attachment-store", "dropbox"))).getMessage();
        assertTrue(store.contains("ATTACHMENT_STORE"), store);
    }

    @Test
    void load_rejectsHandoffsAndTimeout_outsideTheirRanges_together() {
        Map<String, Object> settings = validSettings();
        settings.put("helpdesk.max-handoffs", "51");
        settings.put("helpdesk.execution-timeout", "901");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(settings));
        assertTrue(e.getMessage().contains("MAX_HANDOFFS"), e.getMessage());
        assertTrue(e.getMessage().contains("EXECUTION_TIMEOUT"), e.getMessage());
    }

    // ---- triage -------------------------------------------------------------------------------

    @Test
    void load_runsTriageLocally_withItsDocumentedBounds_byDefault() {
        HelpdeskSettings.Triage triage = load(validSettings()).triage();
        assertEquals(new HelpdeskSettings.Triage(HelpdeskSettings.TriageEngineKind.LOCAL, Duration.ofSeconds(60), 3,
                true, null, 2, 100, Duration.ofSeconds(330), Duration.ofSeconds(25)), triage);
    }

    @Test
    void load_takesATriageLeaseLongerThanTheExecutionTimeout() {
        Map<String, Object> settings = validSettings("helpdesk.execution-timeout", "25");
        settings.put("helpdesk.triage.lease", "330");
        assertEquals(Duration.ofSeconds(330), load(settings).triage().lease());
    }

    @Test
    void load_refusesATriageLeaseThatARunCanOutlast() {
        Map<String, Object> settings = validSettings("helpdesk.execution-timeout", "300");
        settings.put("helpdesk.triage.lease", "300");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(settings));
        assertTrue(e.getMessage().contains("TRIAGE_LEASE: expected more seconds than EXECUTION_TIMEOUT (300), got '300'"),
                e.getMessage());
    }

    @Test
    void load_takesTheBedrockEngineAndTheQueueUrl() {
        Map<String, Object> settings = validSettings("helpdesk.triage.engine", "Bedrock");
        settings.put("helpdesk.triage.queue-url", "https://sqs.us-east-1.amazonaws.com/123456789012/triage");
        HelpdeskSettings.Triage triage = load(settings).triage();
        assertEquals(HelpdeskSettings.TriageEngineKind.BEDROCK, triage.engine());
        assertEquals("https://sqs.us-east-1.amazonaws.com/123456789012/triage", triage.queueUrl());
    }

    @Test
    void load_namesEveryBadTriageVariable_inOneMessage() {
        Map<String, Object> settings = validSettings("helpdesk.triage.engine", "openai");
        settings.put("helpdesk.triage.step-timeout", "0");
        settings.put("helpdesk.triage.repetition-window", "1");
        settings.put("helpdesk.triage.on-create", "sometimes");
        settings.put("helpdesk.triage.queue-url", "sqs://queue");
        settings.put("helpdesk.triage.workers", "65");
        settings.put("helpdesk.triage.queue-capacity", "many");
        settings.put("helpdesk.max-handoffs", "0");
        String message = assertThrows(ConfigurationException.class, () -> load(settings)).getMessage();
        for (String variable : List.of("TRIAGE_ENGINE", "TRIAGE_STEP_TIMEOUT", "TRIAGE_REPETITION_WINDOW",
                "TRIAGE_ON_CREATE", "TRIAGE_QUEUE_URL", "TRIAGE_WORKERS", "TRIAGE_QUEUE_CAPACITY", "MAX_HANDOFFS")) {
            assertTrue(message.contains(variable), () -> variable + " missing from: " + message);
        }
    }

    // ---- Cognito ------------------------------------------------------------------------------

    @Test
    void load_derivesTheJwksUrlFromRegionAndPool_whenNoJwksUrlIsSet() {
        HelpdeskSettings.Cognito cognito = load(validSettings()).cognito();
        assertEquals(URI.create("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/jwks.json"),
                cognito.jwksUrl());
        assertEquals("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123", cognito.issuer());
    }

    @Test
    void load_takesTheCognitoRegionFromThePoolIdPrefix_notFromTheAwsRegion() {
        Map<String, Object> settings = validSettings();
        settings.put("helpdesk.region", "us-east-1");
        settings.put("helpdesk.cognito.user-pool-id", "ap-southeast-2_Xyz789");
        HelpdeskSettings.Cognito cognito = load(settings).cognito();
        assertEquals("ap-southeast-2", cognito.region());
        assertEquals("https://cognito-idp.ap-southeast-2.amazonaws.com/ap-southeast-2_Xyz789", cognito.issuer());
    }

    @Test
    void load_prefersAnExplicitCognitoRegion_overThePoolIdPrefix() {
        HelpdeskSettings.Cognito cognito = load(validSettings("helpdesk.cognito.region", "us-west-2")).cognito();
        assertEquals("us-west-2", cognito.region());
        assertEquals(URI.create("https://cognito-idp.us-west-2.amazonaws.com/eu-west-1_AbC123/.well-known/jwks.json"),
                cognito.jwksUrl());
    }

    @Test
    void load_rejectsACognitoRegion_thatIsNotAnAwsRegion() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(validSettings("helpdesk.cognito.region", "mars")));
        assertTrue(e.getMessage().contains("COGNITO_REGION"), e.getMessage());
    }

    @Test
    void load_overridesOnlyTheJwksUrl_whenCognitoJwksUrlIsSet() {
        HelpdeskSettings.Cognito cognito = load(validSettings("helpdesk.cognito.jwks-url",
                "http://127.0.0.1:5000/eu-west-1_AbC123/.well-known/jwks.json")).cognito();
        assertEquals(URI.create("http://127.0.0.1:5000/eu-west-1_AbC123/.well-known/jwks.json"), cognito.jwksUrl());
        assertEquals("eu-west-1", cognito.region());
        assertEquals("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123", cognito.issuer());
    }

    @Test
    void load_fetchesTheJwksWithShortTimeouts_andAllowsAMinuteOfClockSkew_byDefault() {
        HelpdeskSettings.Cognito cognito = load(validSettings()).cognito();
        assertEquals(new HelpdeskSettings.Jwks(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(300),
                Duration.ofSeconds(30)), cognito.jwks());
        assertEquals(Duration.ofSeconds(60), cognito.clockLeeway());
    }

    @Test
    void load_namesEveryBadJwksAndLeewayVariable_inOneMessage() {
        Map<String, Object> settings = validSettings("helpdesk.cognito.jwks-connect-timeout", "0");
        settings.put("helpdesk.cognito.jwks-read-timeout", "31");
        settings.put("helpdesk.cognito.jwks-cache-ttl", "1");
        settings.put("helpdesk.cognito.jwks-failure-cache", "soon");
        settings.put("helpdesk.cognito.clock-leeway", "-1");
        String message = assertThrows(ConfigurationException.class, () -> load(settings)).getMessage();
        for (String variable : List.of("COGNITO_JWKS_CONNECT_TIMEOUT", "COGNITO_JWKS_READ_TIMEOUT",
                "COGNITO_JWKS_CACHE_TTL", "COGNITO_JWKS_FAILURE_CACHE", "TOKEN_CLOCK_LEEWAY")) {
            assertTrue(message.contains(variable), () -> variable + " missing from: " + message);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://keys.example.com/jwks.json", "not a url", "/.well-known/jwks.json"})
    void load_rejectsAJwksUrl_thatIsNotHttp(String url) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(validSettings("helpdesk.cognito.jwks-url", url)));
        assertTrue(e.getMessage().contains("COGNITO_JWKS_URL"), e.getMessage());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static Map<String, Object> validSettings() {
        Map<String, Object> settings = new HashMap<>(DEFAULTS);
        settings.putAll(REQUIRED);
        return settings;
    }

    private static Map<String, Object> validSettings(String key, String value) {
        Map<String, Object> settings = validSettings();
        settings.put(key, value);
        return settings;
    }

    private static HelpdeskSettings load(Map<String, Object> settings) {
        return new SettingsLoader(new PropertySourcePropertyResolver(MapPropertySource.of("test", settings))).load();
    }

    private static PropertySource applicationProperties() {
        return new PropertiesPropertySourceLoader()
                .load("application", ClassPathResourceLoader.defaultLoader(SettingsLoaderTest.class.getClassLoader()))
                .orElseThrow(() -> new AssertionError("application.properties is not on the test class path"));
    }

    private static String envOr(String variable, String fallback) {
        String value = System.getenv(variable);
        return value != null && !value.isEmpty() ? value.trim() : fallback;
    }

    /** The environment variable application.properties maps a helpdesk.* key from. */
    private static String variableFor(String key) {
        return switch (key) {
            case "helpdesk.create-table" -> "DYNAMODB_CREATE_TABLE";
            case "helpdesk.region" -> "AWS_DEFAULT_REGION";
            case "helpdesk.api-host" -> "API_HOST";
            case "helpdesk.api-port" -> "API_PORT";
            case "helpdesk.cors-origins" -> "CORS_ORIGINS";
            case "helpdesk.upload-dir" -> "UPLOAD_DIR";
            case "helpdesk.max-upload-size-mb" -> "MAX_UPLOAD_SIZE_MB";
            case "helpdesk.attachment-store" -> "ATTACHMENT_STORE";
            case "helpdesk.attachment-bucket" -> "ATTACHMENT_BUCKET";
            case "helpdesk.max-files-per-request" -> "MAX_FILES_PER_REQUEST";
            case "helpdesk.max-handoffs" -> "MAX_HANDOFFS";
            case "helpdesk.execution-timeout" -> "EXECUTION_TIMEOUT";
            case "helpdesk.triage.engine" -> "TRIAGE_ENGINE";
            case "helpdesk.triage.step-timeout" -> "TRIAGE_STEP_TIMEOUT";
            case "helpdesk.triage.repetition-window" -> "TRIAGE_REPETITION_WINDOW";
            case "helpdesk.triage.on-create" -> "TRIAGE_ON_CREATE";
            case "helpdesk.triage.queue-url" -> "TRIAGE_QUEUE_URL";
            case "helpdesk.triage.workers" -> "TRIAGE_WORKERS";
            case "helpdesk.triage.queue-capacity" -> "TRIAGE_QUEUE_CAPACITY";
            case "helpdesk.triage.max-wait" -> "TRIAGE_MAX_WAIT";
            case "helpdesk.bedrock-model-id" -> "BEDROCK_MODEL_ID";
            case "helpdesk.cognito.region" -> "COGNITO_REGION";
            case "helpdesk.cognito.jwks-url" -> "COGNITO_JWKS_URL";
            case "helpdesk.cognito.jwks-connect-timeout" -> "COGNITO_JWKS_CONNECT_TIMEOUT";
            case "helpdesk.cognito.jwks-read-timeout" -> "COGNITO_JWKS_READ_TIMEOUT";
            case "helpdesk.cognito.jwks-cache-ttl" -> "COGNITO_JWKS_CACHE_TTL";
            case "helpdesk.cognito.jwks-failure-cache" -> "COGNITO_JWKS_FAILURE_CACHE";
            case "helpdesk.cognito.clock-leeway" -> "TOKEN_CLOCK_LEEWAY";
            default -> throw new IllegalArgumentException(key);
        };
    }
}
