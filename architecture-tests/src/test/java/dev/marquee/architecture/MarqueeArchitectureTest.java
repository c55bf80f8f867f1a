package dev.marquee.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Marquee's production classes against the rules of docs/architecture.md. */
class MarqueeArchitectureTest {
  private static final String ROOT = "dev.marquee";

  /** Where the build put app-web's classes: its WAR, or its classes folder in a reactor build. */
  private static final String APP_WEB = "marquee.appWeb";

  private static JavaClasses marquee;

  @BeforeAll
  static void importProductionClasses() throws IOException {
    Set<Location> locations = new HashSet<>(Locations.ofPackage(ROOT));
    locations.add(appWebLocation());
    marquee =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(locations);
  }

  /** app-web is a WAR, never on the test class path: the build names it (see the pom). */
  private static Location appWebLocation() throws IOException {
    String where = System.getProperty(APP_WEB, "");
    assertThat(where)
        .as("system property %s (set by the architecture-tests pom; run through Maven)", APP_WEB)
        .isNotBlank()
        .doesNotContain("${");
    Path path = Path.of(where);
    assertThat(path).as("app-web's classes").exists();
    if (Files.isDirectory(path)) {
      return Location.of(path);
    }
    try (JarFile war = new JarFile(path.toFile())) {
      return Location.of(war);
    }
  }

  /**
   * Guards against a vacuous pass: every module of the graph is on the class path, every module but
   * app (app-web's wiring) has internals for the rules to protect, and no class lives in a module
   * the graph does not know.
   */
  @Test
  void everyModuleIsImported() {
    Set<String> modules = ModuleRules.PUBLIC_PACKAGES.keySet();
    assertThat(modules).hasSize(10);
    assertThat(ModuleRules.modulesWithoutClasses(marquee, ROOT, modules)).isEmpty();
    assertThat(ModuleRules.modulesWithoutInternals(marquee, ROOT, modules)).containsExactly("app");
    assertThat(marquee.contain(ROOT + ".app.MarqueeApplication")).isTrue();
    ModuleRules.everyClassBelongsToAKnownModule(ROOT, modules).check(marquee);
  }

  @Test
  void theGraphNamesEveryModuleAndOnlyKnownOnes() {
    Set<String> business = new HashSet<>(ModuleRules.PUBLIC_PACKAGES.keySet());
    business.removeAll(ModuleRules.SHARED);
    assertThat(ModuleRules.ALLOWED.keySet()).isEqualTo(business);
    assertThat(ModuleRules.ALLOWED.values().stream().flatMap(Set::stream))
        .allMatch(business::contains);
  }

  @Test
  void modulesHaveNoCycles() {
    ModuleRules.noCyclesBetweenModules(ROOT).check(marquee);
  }

  @TestFactory
  Stream<DynamicTest> onlyPublicPackagesCrossModuleLines() {
    assertThat(ModuleRules.PUBLIC_PACKAGES).hasSize(10);
    return ModuleRules.PUBLIC_PACKAGES.entrySet().stream()
        .map(
            m ->
                DynamicTest.dynamicTest(
                    m.getKey(),
                    () ->
                        ModuleRules.onlyApiCrossesModuleLines(ROOT, m.getKey(), m.getValue())
                            .check(marquee)));
  }

  /** Business modules, console and app against their graph entries; shared modules against none. */
  @TestFactory
  Stream<DynamicTest> modulesDependOnlyOnTheAllowedGraph() {
    assertThat(ModuleRules.PUBLIC_PACKAGES).hasSize(10);
    return ModuleRules.PUBLIC_PACKAGES.keySet().stream()
        .sorted()
        .map(
            m ->
                DynamicTest.dynamicTest(
                    m,
                    () ->
                        ModuleRules.dependsOnlyOnAllowedModules(
                                ROOT, m, ModuleRules.allowedFor(m), ModuleRules.PUBLIC_PACKAGES)
                            .check(marquee)));
  }

  @Test
  void sharedModulesUseNoBusinessModule() {
    assertThat(ModuleRules.SHARED).hasSize(2);
    for (String shared : ModuleRules.SHARED) {
      assertThat(ModuleRules.allowedFor(shared)).isSubsetOf(ModuleRules.SHARED);
    }
  }

  @Test
  void restResourcesLiveInInternalRest() {
    ModuleRules.pathOnlyInRest(ROOT).check(marquee);
  }

  @Test
  void resourceMethodsLiveInInternalRest() {
    ModuleRules.pathMethodsOnlyInRest(ROOT).check(marquee);
  }

  @Test
  void theConsoleUsesFacadesNotTheDatabase() {
    ModuleRules.usesNoDatabase(ROOT, "console").check(marquee);
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
  void repositoriesAreNamedForTheirStyle() {
    ModuleRules.repositoriesAreNamedForTheirStyle(ROOT).check(marquee);
  }

  @Test
  void theDomainUsesNoOtherFloor() {
    ModuleRules.domainUsesNoOtherFloor(ROOT).check(marquee);
  }

  @Test
  void persistenceUsesOnlyTheDomain() {
    ModuleRules.persistenceUsesOnlyTheDomain(ROOT).check(marquee);
  }

  @Test
  void theApplicationUsesNoEntryPoint() {
    ModuleRules.applicationUsesNoEntryPoint(ROOT).check(marquee);
  }

  /**
   * Every module but the shared kernel and app is held to the floors and its named engine packages:
   * a module missing from the map (a new one) fails here before it can drift.
   */
  @Test
  void everyModuleClassSitsInTheFloors() {
    Set<String> held = new HashSet<>(ModuleRules.PUBLIC_PACKAGES.keySet());
    held.removeAll(ModuleRules.SHARED);
    held.remove("app");
    assertThat(ModuleRules.ENGINE_PACKAGES.keySet()).isEqualTo(held);
    ModuleRules.classesSitInTheFloors(ROOT, ModuleRules.ENGINE_PACKAGES).check(marquee);
  }

  @Test
  void everyPackageSaysWhatLivesThere() {
    ModuleRules.everyPackageSaysWhatLivesThere(ROOT).check(marquee);
  }

  @Test
  void onlyThePackagerAndTheLicenceServerReadContentKeys() {
    ModuleRules.keysAreReadOnlyBy(
            ROOT,
            ROOT + ".drm.api.DrmFacade",
            Set.of("contentKey", "licenceKey"),
            Set.of("transcode", "playback"))
        .check(marquee);
  }

  @Test
  void operationsWithTheTokensCallerStartNoJobs() {
    ModuleRules.tokenCallersStartNoJobs(
            ROOT + ".platform.api.TokenIdentity", ROOT + ".platform.api.BatchJobs")
        .check(marquee);
  }
}
