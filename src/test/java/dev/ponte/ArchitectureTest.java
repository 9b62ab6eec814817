package dev.ponte;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.arc.properties.IfBuildProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md §2: dependencies point inwards; vendors are leaves; the model is plain Java. */
class ArchitectureTest {

    private static final String SUPPORT = "dev.ponte.connector.support";
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

    /** Every vendor may use the connector support package, which is no vendor (see supportKnowsNoVendor). */
    @Test
    void noVendorKnowsAnotherVendor() {
        slices().matching("dev.ponte.connector.(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage(SUPPORT))
                .allowEmptyShould(true).check(ponte);
    }

    @Test
    void supportKnowsOnlyPortsModelAndHttpClients() {
        classes().that().resideInAPackage(SUPPORT).should().onlyDependOnClassesThat()
                .resideInAnyPackage(SUPPORT, "dev.ponte.connector", "dev.ponte.model..", "java..", "jakarta.ws.rs..",
                        "io.quarkus.rest.client..", "io.quarkus.logging..", "org.jboss.resteasy.reactive.client..",
                        "com.fasterxml.jackson..")
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
    void flowsReachStoredStateThroughInterfacesNotEntities() {
        noClasses().that().resideInAPackage("dev.ponte.flow..").should().dependOnClassesThat()
                .areAnnotatedWith(jakarta.persistence.Entity.class).check(ponte);
        noClasses().that().resideInAPackage("dev.ponte.flow..").should().dependOnClassesThat()
                .haveSimpleName("RecordService").check(ponte);
    }

    @Test
    void matchingKnowsOnlyTheModel() {
        classes().that().resideInAPackage("dev.ponte.matching..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.ponte.matching..", "dev.ponte.model..", "java..").check(ponte);
    }

    @Test
    void connectionsAndTheApiKnowNoVendor() {
        noClasses().that().resideInAnyPackage("dev.ponte.connection..", "dev.ponte.api..").should()
                .dependOnClassesThat().resideInAPackage("dev.ponte.connector.*..").check(ponte);
    }

    /**
     * Generic code names no system: a flow, the engine, connections, the API, matching and mapping reach vendors only
     * through capabilities. Checked on the sources' string literals, for every registered vendor's system name and
     * those still to come.
     */
    @Test
    void genericCodeHoldsNoSystemName() throws IOException {
        Set<String> names = new TreeSet<>(Set.of("MOSKIT", "ARIVO", "NUVEMSHOP", "CONTA_AZUL_FINANCEIRO"));
        for (JavaClass c : ponte) {
            if (c.getPackageName().startsWith("dev.ponte.connector.")) {
                c.tryGetField("SYSTEM").ifPresent(f -> names.add(systemName(c)));
            }
        }
        assertThat(names).contains("PIPEDRIVE", "CONTA_AZUL", "REVISO", "CRM_IN_CLOUD");
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        List<String> found = new ArrayList<>();
        for (String part : List.of("flow", "engine", "connection", "api", "matching", "mapping")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/ponte", part))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "")
                            .replaceAll("(?m)^\\s*//.*$", "");
                    Matcher m = literal.matcher(code);
                    while (m.find()) {
                        for (String name : names) {
                            if (m.group().matches(".*\\b" + name + "\\b.*")) {
                                found.add(file + ": " + m.group());
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static String systemName(JavaClass c) {
        try {
            return (String) Class.forName(c.getName()).getField("SYSTEM").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * An emulator is built into dev mode, the tests and the emulators' app only: each of its beans, resources and
     * request filters carries the build-time condition, so a vendor's new emulator cannot slip into production.
     */
    @Test
    void everyEmulatorBeanIsLeftOutOfTheProductionBuild() {
        DescribedPredicate<JavaClass> beans = DescribedPredicate.describe("are beans, resources or request filters",
                c -> c.isAnnotatedWith(jakarta.ws.rs.Path.class) || c.isAnnotatedWith(jakarta.inject.Singleton.class)
                        || c.isAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class)
                        || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(ServerRequestFilter.class)
                                || m.isAnnotatedWith(ServerResponseFilter.class)));
        DescribedPredicate<JavaAnnotation<?>> included = DescribedPredicate.describe(
                "@IfBuildProperty(name = \"ponte.sandbox.included\", stringValue = \"true\")",
                a -> a.getRawType().isEquivalentTo(IfBuildProperty.class)
                        && "ponte.sandbox.included".equals(a.get("name").orElse(null))
                        && "true".equals(a.get("stringValue").orElse(null)));
        classes().that().resideInAPackage("dev.ponte.sandbox..").and(beans).should().beAnnotatedWith(included)
                .check(ponte);
    }

    @Test
    void noOneButTheApiKnowsTheSandbox() {
        noClasses().that().resideOutsideOfPackage("dev.ponte.sandbox..").should().dependOnClassesThat()
                .resideInAPackage("dev.ponte.sandbox..").check(ponte);
    }
}
