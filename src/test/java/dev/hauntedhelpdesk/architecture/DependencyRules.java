package dev.hauntedhelpdesk.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Which way dependencies may point between the packages below {@code root}: runtime modules →
 * features → the shared vocabulary ({@code problem}, {@code request}) and the adapters' helpers
 * ({@code dynamodb}, {@code aws}). {@code web} renders HTTP and no feature builds on it; inside a
 * feature only its HTTP edge (controllers, filters, Micronaut Security plug-ins) sees Micronaut
 * HTTP, and only its AWS adapters see the SDK. The root is a parameter so the same rules can be
 * shown to fail on classes written to break them ({@code DependencyRulesTest}).
 */
final class DependencyRules {

    static final List<String> FEATURES = List.of("ticket", "triage", "attachment", "memory", "security",
            "health", "config", "apidoc");

    private DependencyRules() {
    }

    static List<ArchRule> of(String root) {
        String[] features = FEATURES.stream().map(f -> root + "." + f + "..").toArray(String[]::new);
        return List.of(
                noClasses().that().resideInAnyPackage(features)
                        .should().dependOnClassesThat().resideInAPackage(root + ".web..")
                        .as("features do not depend on web, which only renders HTTP"),
                noClasses().that().resideInAnyPackage(features).and(are(not(httpEdge())))
                        .should().dependOnClassesThat().resideInAPackage("io.micronaut.http..")
                        .as("inside a feature only controllers, filters and security plug-ins see Micronaut HTTP"),
                noClasses().that().resideInAnyPackage(features).and(are(not(awsAdapter())))
                        .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                        .as("inside a feature only its AWS adapters see the AWS SDK"),
                noClasses().that().resideInAnyPackage(root + ".problem..", root + ".request..")
                        .should().dependOnClassesThat().resideInAnyPackage(features)
                        .as("the shared vocabulary depends on no feature"),
                slices().matching(root + ".(*)..").should().beFreeOfCycles()
                        .as("no two packages depend on each other"));
    }

    /** Leaves out the bean definitions Micronaut generates: they mirror the classes they define. */
    static ImportOption withoutGeneratedClasses() {
        return location -> !location.contains("/$");
    }

    private static DescribedPredicate<JavaClass> httpEdge() {
        return DescribedPredicate.describe("the HTTP edge", c ->
                c.isAnnotatedWith("io.micronaut.http.annotation.Controller")
                        || c.isAnnotatedWith("io.micronaut.http.annotation.ServerFilter")
                        || c.getAllRawInterfaces().stream()
                        .anyMatch(i -> i.getPackageName().startsWith("io.micronaut.security")));
    }

    /** Adapters are named for the AWS part they adapt, or are the factories that build its clients. */
    private static DescribedPredicate<JavaClass> awsAdapter() {
        return DescribedPredicate.describe("AWS adapters",
                simpleNameStartingWith("DynamoDb").or(simpleNameStartingWith("S3"))
                        .or(simpleNameStartingWith("Bedrock"))
                        .or(c -> c.isAnnotatedWith("io.micronaut.context.annotation.Factory")));
    }

    private static <T> DescribedPredicate<T> not(DescribedPredicate<T> predicate) {
        return DescribedPredicate.not(predicate);
    }
}
