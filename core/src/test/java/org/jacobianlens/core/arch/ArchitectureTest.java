package org.jacobianlens.core.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The engine's packages form layers: none depends on itself through another (data → model → ntk → run ...). */
@Tag("slow") // 14-37 s of class import: only in `mvn verify`, not in -Pquick
class ArchitectureTest {
    /** Imported once: the import is what costs time, the rules are quick. */
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jacobianlens.core");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.jacobianlens.(core|app).(*)..").should().beFreeOfCycles().check(CORE);
    }
}
