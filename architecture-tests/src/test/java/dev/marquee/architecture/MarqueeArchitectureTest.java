package dev.marquee.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Marquee's production classes against the rules of DESIGN.md and CONVENTIONS.md. */
class MarqueeArchitectureTest {
  private static final String ROOT = "dev.marquee";
  private static JavaClasses marquee;

  @BeforeAll
  static void importProductionClasses() {
    marquee =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    // Guard against a vacuous pass: the modules must really be on the classpath.
    assertThat(marquee.stream().map(c -> c.getPackageName()))
        .anyMatch(p -> p.startsWith("dev.marquee.accounts.internal"))
        .anyMatch(p -> p.startsWith("dev.marquee.platform.internal"));
  }

  @Test
  void modulesHaveNoCycles() {
    ModuleRules.noCyclesBetweenModules(ROOT).check(marquee);
  }

  @TestFactory
  Stream<DynamicTest> onlyApiPackagesCrossModuleLines() {
    Set<String> modules = new HashSet<>(ModuleRules.ALLOWED.keySet());
    return Stream.concat(
        modules.stream()
            .map(
                m ->
                    DynamicTest.dynamicTest(
                        m,
                        () ->
                            ModuleRules.onlyApiCrossesModuleLines(ROOT, m, List.of("api"))
                                .check(marquee))),
        ModuleRules.SHARED.entrySet().stream()
            .map(
                shared ->
                    DynamicTest.dynamicTest(
                        shared.getKey(),
                        () ->
                            ModuleRules.onlyApiCrossesModuleLines(
                                    ROOT, shared.getKey(), shared.getValue())
                                .check(marquee))));
  }

  @TestFactory
  Stream<DynamicTest> modulesDependOnlyOnTheAllowedGraph() {
    Set<String> all = new HashSet<>(ModuleRules.ALLOWED.keySet());
    all.addAll(ModuleRules.SHARED.keySet());
    return ModuleRules.ALLOWED.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () ->
                        ModuleRules.dependsOnlyOnAllowedModules(ROOT, e.getKey(), e.getValue(), all)
                            .check(marquee)));
  }

  @TestFactory
  Stream<DynamicTest> sharedModulesDependOnNoBusinessModule() {
    Set<String> all = new HashSet<>(ModuleRules.ALLOWED.keySet());
    all.addAll(ModuleRules.SHARED.keySet());
    return ModuleRules.SHARED.keySet().stream()
        .map(
            shared ->
                DynamicTest.dynamicTest(
                    shared,
                    () -> {
                      Set<String> business = new HashSet<>(ModuleRules.ALLOWED.keySet());
                      ModuleRules.dependsOnlyOnAllowedModules(ROOT, shared, Set.of(), business)
                          .check(marquee);
                    }));
  }

  @Test
  void restResourcesLiveInInternalRest() {
    ModuleRules.pathOnlyInRest(ROOT).check(marquee);
    ModuleRules.pathMethodsOnlyInRest(ROOT).check(marquee);
  }

  @Test
  void entitiesLiveInInternalDomain() {
    ModuleRules.entitiesOnlyInDomain(ROOT).check(marquee);
  }

  @Test
  void apisCarryNoPersistence() {
    ModuleRules.apisAreFreeOfPersistence(ROOT).check(marquee);
  }

  @Test
  void everyPackageSaysWhatLivesThere() {
    List<String> undocumented =
        marquee.stream()
            .map(c -> c.getPackage())
            .distinct()
            .filter(p -> p.tryGetPackageInfo().isEmpty())
            .map(JavaPackage::getName)
            .sorted()
            .toList();
    assertThat(undocumented).as("packages without package-info.java").isEmpty();
  }
}
