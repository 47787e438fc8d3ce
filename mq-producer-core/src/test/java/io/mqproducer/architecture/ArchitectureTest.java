package io.mqproducer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the core's layout, checked on its compiled classes: the public API ({@code io.mqproducer},
 * {@code .message}, {@code .spi}, {@code .error}) stands on its own, {@code internal} serves it and is not part of
 * it, packages do not depend on each other in circles, and nothing in the core knows Spring.
 */
class ArchitectureTest {
    private static final String INTERNAL = "io.mqproducer.internal..";
    /** The core's own classes only: the class path also holds the test module, which is allowed to know Spring. */
    private static final JavaClasses CORE = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theCoreKnowsNothingOfSpring() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(CORE);
    }

    @Test
    void messagesSpiAndErrorsDoNotDependOnInternals() {
        noClasses().that().resideInAnyPackage("io.mqproducer.message..", "io.mqproducer.spi..", "io.mqproducer.error..")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL).check(CORE);
    }

    /** Producer assembles the internals; every other public type of the root package is plain API. */
    @Test
    void onlyTheProducerAndPackagePrivateHelpersOfTheRootPackageUseInternals() {
        noClasses().that().resideInAPackage("io.mqproducer").and().arePublic()
                .and().doNotHaveSimpleName("Producer")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL).check(CORE);
    }

    @Test
    void noPublicSignatureOfTheApiShowsAnInternalType() {
        classes().that().resideInAnyPackage("io.mqproducer", "io.mqproducer.message..", "io.mqproducer.spi..",
                "io.mqproducer.error..").and().arePublic().should(exposeNoInternalType()).check(CORE);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.mqproducer.(*)..").should().beFreeOfCycles().check(CORE);
        slices().matching("io.mqproducer.internal.(*)..").should().beFreeOfCycles().check(CORE);
    }

    /**
     * An internal type is public only because another package needs it; else it is package-private. Constant holders
     * in {@code protocol} are left out: javac copies their constants into the code that uses them, so the class files
     * do not show that use.
     */
    @Test
    void publicInternalTypesAreUsedOutsideTheirPackage() {
        classes().that().resideInAPackage(INTERNAL).and().arePublic().and().areTopLevelClasses()
                .and().resideOutsideOfPackage("io.mqproducer.internal.protocol")
                .should(beUsedFromAnotherPackage()).check(CORE);
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type in a public or protected signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaMember member : type.getMembers()) {
                    if (!member.getModifiers().contains(JavaModifier.PUBLIC)
                            && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
                        continue;
                    }
                    Set<String> internals = signatureTypes(member).filter(name -> name.startsWith("io.mqproducer.internal."))
                            .collect(Collectors.toSet());
                    if (!internals.isEmpty()) {
                        events.add(SimpleConditionEvent.violated(member, member.getFullName() + " shows " + internals));
                    }
                }
            }
        };
    }

    private static Stream<String> signatureTypes(JavaMember member) {
        Stream<JavaClass> types;
        if (member instanceof com.tngtech.archunit.core.domain.JavaField field) {
            types = Stream.of(field.getRawType());
        } else if (member instanceof com.tngtech.archunit.core.domain.JavaCodeUnit code) {
            types = Stream.concat(Stream.of(code.getRawReturnType()), code.getRawParameterTypes().stream());
        } else {
            types = Stream.empty();
        }
        return types.map(JavaClass::getName);
    }

    /** Whether a public method of a public class beside it takes or returns {@code type} (lambdas use it unseen). */
    private static boolean inPublicSignatureOfItsPackage(JavaClass type) {
        return type.getPackage().getClasses().stream()
                .filter(other -> other != type && other.getModifiers().contains(JavaModifier.PUBLIC))
                .flatMap(other -> other.getCodeUnits().stream())
                .filter(code -> code.getModifiers().contains(JavaModifier.PUBLIC))
                .anyMatch(code -> code.getRawReturnType().equals(type) || code.getRawParameterTypes().contains(type));
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used from another package (else make it package-private)") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean usedElsewhere = type.getDirectDependenciesToSelf().stream()
                        .map(dependency -> dependency.getOriginClass().getPackageName())
                        .anyMatch(origin -> !origin.equals(type.getPackageName()));
                if (!usedElsewhere && !inPublicSignatureOfItsPackage(type)) {
                    events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " is public but only its own package uses it"));
                }
            }
        };
    }
}
