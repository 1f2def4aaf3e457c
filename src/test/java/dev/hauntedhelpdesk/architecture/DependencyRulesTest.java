package dev.hauntedhelpdesk.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependencyRulesTest {

    private static final String ROOT = "dev.hauntedhelpdesk";
    /** Classes written to break each rule once, in a tree of the same shape (test sources only). */
    private static final String WRONG = ROOT + ".architecture.wrong";

    @Test
    void mainCode_keepsEveryDependencyRule() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(DependencyRules.withoutGeneratedClasses())
                .importPackages(ROOT);
        assertTrue(main.size() > 100, "the main classes were imported: " + main.size());
        // Every rule's violations in one report, not only the first failing rule's.
        String violations = DependencyRules.of(ROOT).stream()
                .map(rule -> rule.evaluate(main))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .collect(Collectors.joining("\n"));
        assertEquals("", violations);
    }

    @Test
    void everyRule_failsOnClassesThatBreakIt() {
        JavaClasses wrong = new ClassFileImporter().importPackages(WRONG);
        List<String> failed = DependencyRules.of(WRONG).stream()
                .filter(rule -> rule.evaluate(wrong).hasViolation())
                .map(ArchRule::getDescription)
                .collect(Collectors.toList());
        List<String> all = DependencyRules.of(WRONG).stream().map(ArchRule::getDescription).toList();
        assertEquals(all, failed, "each rule reports the class written to break it");
    }

    @Test
    void wrongImport_isNamedInTheFailure() {
        JavaClasses wrong = new ClassFileImporter().importPackages(WRONG);
        EvaluationResult result = DependencyRules.of(WRONG).get(0).evaluate(wrong);
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("wrong.ticket.RendersItself") && report.contains("wrong.web.Page"), report);
    }
}
