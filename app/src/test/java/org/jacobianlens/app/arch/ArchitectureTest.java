package org.jacobianlens.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The UI renders snapshots only: no ND4J/DL4J in UI classes, no JavaFX in the science engine; and no package
 * depends on itself through others. The classes are imported once for all rules (the import is the slow part).
 */
@Tag("slow") // 14-37 s of class import: only in `mvn verify`, not in -Pquick
class ArchitectureTest {
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jacobianlens");

    @Test
    void uiAndViewModelDoNotTouchNd4jOrDl4j() {
        noClasses().that().resideInAnyPackage("org.jacobianlens.app.ui..", "org.jacobianlens.app.viewmodel..",
                        "org.jacobianlens.app.charts..", "org.jacobianlens.app.lessons..", "org.jacobianlens.app.session..",
                        "org.jacobianlens.app.export..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "org.bytedeco..")
                .check(classes);
    }

    @Test
    void chartsExportsAndSessionsRenderWithoutTheFxToolkit() {
        noClasses().that().resideInAnyPackage("org.jacobianlens.app.charts..", "org.jacobianlens.app.export..",
                        "org.jacobianlens.app.session..", "org.jacobianlens.app.lessons..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..")
                .check(classes);
    }

    @Test
    void viewModelUsesOnlyObservablePropertiesFromJavaFx() {
        noClasses().that().resideInAPackage("org.jacobianlens.app.viewmodel..")
                .and().haveNameNotMatching(".*\\.ServiceTrainingDriver(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.concurrent..")
                .check(classes);
    }

    /**
     * The window reads settings only through the settings model: Settings records are built in the view-model
     * layer alone, and no window class but the control panel and its Data section (which bind them) reads a
     * main-window input widget.
     * The sweep window's own form and the field binder are the exceptions, named here.
     */
    @Test
    void uiReadsSettingsOnlyThroughTheModel() {
        noClasses().that().resideOutsideOfPackage("org.jacobianlens.app.viewmodel..")
                .should().callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.type(org.jacobianlens.app.viewmodel.Settings.class))))
                .check(classes);
        noClasses().that().resideInAnyPackage("org.jacobianlens.app.ui..", "org.jacobianlens.app.devtools..")
                .and().haveNameNotMatching(".*\\.(ControlPanel|DataControls|AnalysisControls|Fields|SweepWindow)(\\$.*)?")
                .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(javafx.scene.control.Spinner.class)
                                .or(JavaClass.Predicates.assignableTo(javafx.scene.control.Slider.class))
                                .or(JavaClass.Predicates.assignableTo(javafx.scene.control.TextInputControl.class))
                                .or(JavaClass.Predicates.assignableTo(javafx.scene.control.ComboBoxBase.class))
                                .or(JavaClass.Predicates.assignableTo(org.controlsfx.control.ToggleSwitch.class))))
                        .and(HasName.Predicates.nameMatching("getValue|getText|isSelected|getValueFactory|valueProperty|textProperty|selectedProperty")))
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnJavaFx() {
        noClasses().that().resideInAPackage("org.jacobianlens.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.jacobianlens.(core|app).(*)..").should().beFreeOfCycles().check(classes);
    }
}
