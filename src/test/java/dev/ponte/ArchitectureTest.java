package dev.ponte;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md §2: dependencies point inwards; vendors are leaves; the model is plain Java. */
class ArchitectureTest {

    private static JavaClasses ponte;

    @BeforeAll
    static void importClasses() {
        ponte = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ponte");
    }

    @Test
    void modelKnowsNoFrameworkAndNoOtherPart() {
        classes().that().resideInAPackage("dev.ponte.model..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.ponte.model..", "java..").check(ponte);
    }

    @Test
    void portsKnowOnlyTheModel() {
        classes().that().resideInAPackage("dev.ponte.connector").should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.ponte.model..", "dev.ponte.connector", "java..").check(ponte);
    }

    @Test
    void noVendorKnowsAnotherVendor() {
        slices().matching("dev.ponte.connector.(*)..").should().notDependOnEachOther().allowEmptyShould(true)
                .check(ponte);
    }

    @Test
    void vendorsKnowNoFlowEngineConnectionOrApi() {
        noClasses().that().resideInAPackage("dev.ponte.connector.*..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.ponte.flow..", "dev.ponte.engine..", "dev.ponte.connection..",
                        "dev.ponte.api..", "dev.ponte.sandbox..", "dev.ponte.matching..", "dev.ponte.mapping..")
                .allowEmptyShould(true).check(ponte);
    }

    @Test
    void flowsKnowNoVendorNoApiNoConnection() {
        noClasses().that().resideInAPackage("dev.ponte.flow..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.ponte.connector.*..", "dev.ponte.api..", "dev.ponte.connection..",
                        "dev.ponte.sandbox..").check(ponte);
    }

    @Test
    void engineKnowsNoFlowVendorConnectionOrApi() {
        noClasses().that().resideInAPackage("dev.ponte.engine..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.ponte.flow..", "dev.ponte.connector.*..", "dev.ponte.connection..",
                        "dev.ponte.api..", "dev.ponte.sandbox..").check(ponte);
    }

    @Test
    void matchingAndMappingKnowNoHttpNoVendor() {
        noClasses().that().resideInAnyPackage("dev.ponte.matching..", "dev.ponte.mapping..").should()
                .dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.vertx..", "dev.ponte.connector.*..",
                        "dev.ponte.api..", "dev.ponte.engine..")
                .allowEmptyShould(true).check(ponte);
    }

    @Test
    void connectionKnowsNoApi() {
        noClasses().that().resideInAPackage("dev.ponte.connection..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.ponte.api..", "dev.ponte.sandbox..").check(ponte);
    }

    @Test
    void apiWritesNoSql() {
        noClasses().that().resideInAPackage("dev.ponte.api..").should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "dev.ponte.sandbox..").check(ponte);
    }

    @Test
    void sandboxKnowsOnlyVendorContracts() {
        noClasses().that().resideInAPackage("dev.ponte.sandbox..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.ponte.model..", "dev.ponte.connector..", "dev.ponte.flow..",
                        "dev.ponte.engine..", "dev.ponte.connection..", "dev.ponte.api..", "dev.ponte.matching..",
                        "dev.ponte.mapping..").check(ponte);
    }

    @Test
    void noOneButTheApiKnowsTheSandbox() {
        noClasses().that().resideOutsideOfPackage("dev.ponte.sandbox..").should().dependOnClassesThat()
                .resideInAPackage("dev.ponte.sandbox..").check(ponte);
    }
}
