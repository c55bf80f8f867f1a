package dev.marquee.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule of {@link ModuleRules}, applied to the deliberately broken fixtures, must fail and
 * name the class that breaks it, and must leave alone the fixture that keeps it: a rule that cannot
 * fail guards nothing, and one that fails on everything tells nothing. Each rule also fails when it
 * matches nothing at all.
 */
class RulesCatchViolationsTest {
  private static final String FIXTURE = "dev.marquee.architecture.fixture";
  private static final String APP = FIXTURE + ".user.internal.application.";

  /** The fixture modules, each with its public package. */
  private static final Map<String, List<String>> FIXTURE_MODULES =
      Map.of(
          "leaky", List.of("api"),
          "user", List.of("api"),
          "fan", List.of("api"),
          "ping", List.of("api"),
          "pong", List.of("api"),
          "undocumented", List.of("api"));

  private final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURE);

  @Test
  void theFixturesAreImported() {
    assertThat(ModuleRules.modulesWithoutClasses(fixtures, FIXTURE, FIXTURE_MODULES.keySet()))
        .isEmpty();
  }

  @Test
  void aCycleBetweenModulesFails() {
    assertThatThrownBy(() -> ModuleRules.noCyclesBetweenModules(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ping.api.Ping")
        .hasMessageContaining("pong.api.Pong");
    JavaClasses withoutPong =
        new ClassFileImporter()
            .importPackages(FIXTURE + ".ping", FIXTURE + ".leaky", FIXTURE + ".user");
    assertThatNoException()
        .isThrownBy(() -> ModuleRules.noCyclesBetweenModules(FIXTURE).check(withoutPong));
  }

  @Test
  void sqlInAModuleThatMustUseFacadesFails() {
    assertThatThrownBy(() -> ModuleRules.usesNoDatabase(FIXTURE, "user").check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("user.internal.application.DirectSql")
        .hasMessageContaining("java.sql.Connection");
    assertThatNoException()
        .isThrownBy(() -> ModuleRules.usesNoDatabase(FIXTURE, "ping").check(fixtures));
  }

  @Test
  void reachingIntoAnotherModulesInternalsFails() {
    assertThatThrownBy(
            () ->
                ModuleRules.onlyApiCrossesModuleLines(FIXTURE, "leaky", List.of("api"))
                    .check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("user.internal.rest.Peeker")
        .hasMessageContaining("leaky.internal.domain.Secret")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("application.Fan"));
  }

  @Test
  void dependingOnAModuleOutsideTheGraphFails() {
    assertThatThrownBy(
            () ->
                ModuleRules.dependsOnlyOnAllowedModules(FIXTURE, "fan", Set.of(), FIXTURE_MODULES)
                    .check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("fan.internal.application.Fan")
        .hasMessageContaining("leaky.api.LeakyView");
    assertThatNoException()
        .isThrownBy(
            () ->
                ModuleRules.dependsOnlyOnAllowedModules(
                        FIXTURE, "fan", Set.of("leaky"), FIXTURE_MODULES)
                    .check(fixtures));
  }

  /** The console's case: allowed every other module, it still may not use their internals. */
  @Test
  void aModuleAllowedEveryApiStillCannotUseInternals() {
    Set<String> everyOther = Set.of("leaky", "fan", "ping", "pong", "undocumented");
    assertThatThrownBy(
            () ->
                ModuleRules.dependsOnlyOnAllowedModules(
                        FIXTURE, "user", everyOther, FIXTURE_MODULES)
                    .check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("user.internal.rest.Peeker")
        .hasMessageContaining("leaky.internal.domain.Secret");
  }

  @Test
  void aClassOutsideEveryKnownModuleFails() {
    Set<String> withoutPong = Set.of("leaky", "user", "fan", "ping", "undocumented");
    assertThatThrownBy(
            () -> ModuleRules.everyClassBelongsToAKnownModule(FIXTURE, withoutPong).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("pong.api.Pong")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ping.api.Ping>"));
    assertThatNoException()
        .isThrownBy(
            () ->
                ModuleRules.everyClassBelongsToAKnownModule(FIXTURE, FIXTURE_MODULES.keySet())
                    .check(fixtures));
  }

  @Test
  void persistenceInAnApiFails() {
    assertThatThrownBy(() -> ModuleRules.apisAreFreeOfPersistence(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("leaky.api.LeakyView")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ping.api.Ping"));
  }

  @Test
  void aPathClassOutsideRestOrNotNamedResourceFails() {
    assertThatThrownBy(() -> ModuleRules.pathOnlyInRest(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("user.internal.rest.Peeker")
        .hasMessageContaining(APP + "StrayResource")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("StrayEndpoint"));
  }

  @Test
  void aResourceMethodOutsideRestFails() {
    assertThatThrownBy(() -> ModuleRules.pathMethodsOnlyInRest(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(APP + "StrayEndpoint.stray()")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Peeker"));
  }

  @Test
  void anEntityOutsideDomainFails() {
    assertThatThrownBy(() -> ModuleRules.entitiesOnlyInDomain(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("leaky.internal.persistence.LooseEntity")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Shelf"));
  }

  @Test
  void aRepositoryNotNamedOrPlacedForItsStyleFails() {
    String leaky = FIXTURE + ".leaky.internal.";
    assertThatThrownBy(() -> ModuleRules.repositoriesAreNamedForTheirStyle(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(leaky + "persistence.HandRolledShelfRepository")
        .hasMessageContaining(leaky + "domain.SqlShelfRepository")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain(leaky + "domain.ShelfRepository ")
                    .doesNotContain("JpaShelfRepository"));
  }

  @Test
  void aPackageWithoutPackageInfoFails() {
    assertThatThrownBy(() -> ModuleRules.everyPackageSaysWhatLivesThere(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("package " + FIXTURE + ".undocumented.internal.domain has no")
        .satisfies(
            e ->
                assertThat(e.getMessage().split("has no package-info", -1))
                    .as("one package reported")
                    .hasSize(2));
  }

  @Test
  void aFloorThatCallsUpwardFails() {
    String fan = FIXTURE + ".fan.internal.";
    assertThatThrownBy(() -> ModuleRules.domainUsesNoOtherFloor(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(fan + "domain.Upstairs")
        .hasMessageContaining(fan + "application.Fan");
    assertThatThrownBy(() -> ModuleRules.persistenceUsesOnlyTheDomain(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(fan + "persistence.CallsBack")
        .hasMessageContaining(fan + "application.Fan");
    assertThatThrownBy(() -> ModuleRules.applicationUsesNoEntryPoint(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(APP + "Speaker")
        .hasMessageContaining(FIXTURE + ".user.internal.rest.Peeker");
  }

  @Test
  void floorsThatPointDownwardPass() {
    JavaClasses downward =
        new ClassFileImporter().importPackages(FIXTURE + ".leaky", FIXTURE + ".ping");
    assertThatNoException()
        .isThrownBy(() -> ModuleRules.domainUsesNoOtherFloor(FIXTURE).check(downward));
    assertThatNoException()
        .isThrownBy(() -> ModuleRules.persistenceUsesOnlyTheDomain(FIXTURE).check(downward));
  }

  @Test
  void aClassOutsideTheFloorsAndTheNamedEnginesFails() {
    String fan = FIXTURE + ".fan.internal.";
    assertThatThrownBy(
            () ->
                ModuleRules.classesSitInTheFloors(
                        FIXTURE, Map.of("fan", List.of("engine"), "leaky", List.of()))
                    .check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(fan + "gadgets.Gadget")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain(fan + "engine.Motor")
                    .doesNotContain(fan + "application.Fan")
                    .doesNotContain("<" + FIXTURE + ".leaky"));
    assertThatNoException()
        .isThrownBy(
            () ->
                ModuleRules.classesSitInTheFloors(FIXTURE, Map.of("leaky", List.of()))
                    .check(fixtures));
    assertThatThrownBy(
            () ->
                ModuleRules.classesSitInTheFloors(FIXTURE, Map.of("fan", List.of()))
                    .check(fixtures))
        .as("an engine package not listed is outside the floors too")
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(fan + "engine.Motor");
  }

  /** ArchUnit's failOnEmptyShould: a rule that matches nothing must fail, never pass. */
  @TestFactory
  Stream<DynamicTest> everyRuleFailsWhenItMatchesNothing() {
    JavaClasses nothing = new ClassFileImporter().importPackages(FIXTURE + ".nothing");
    assertThat(nothing).isEmpty();
    Map<String, ArchRule> rules =
        Map.ofEntries(
            Map.entry("no cycles", ModuleRules.noCyclesBetweenModules(FIXTURE)),
            Map.entry(
                "only api crosses",
                ModuleRules.onlyApiCrossesModuleLines(FIXTURE, "leaky", List.of())),
            Map.entry(
                "allowed graph",
                ModuleRules.dependsOnlyOnAllowedModules(
                    FIXTURE, "user", Set.of(), FIXTURE_MODULES)),
            Map.entry(
                "known modules",
                ModuleRules.everyClassBelongsToAKnownModule(FIXTURE, FIXTURE_MODULES.keySet())),
            Map.entry("@Path classes", ModuleRules.pathOnlyInRest(FIXTURE)),
            Map.entry("resource methods", ModuleRules.pathMethodsOnlyInRest(FIXTURE)),
            Map.entry("@Entity", ModuleRules.entitiesOnlyInDomain(FIXTURE)),
            Map.entry("api persistence", ModuleRules.apisAreFreeOfPersistence(FIXTURE)),
            Map.entry("no database", ModuleRules.usesNoDatabase(FIXTURE, "user")),
            Map.entry("repository names", ModuleRules.repositoriesAreNamedForTheirStyle(FIXTURE)),
            Map.entry("package-info", ModuleRules.everyPackageSaysWhatLivesThere(FIXTURE)),
            Map.entry("domain floor", ModuleRules.domainUsesNoOtherFloor(FIXTURE)),
            Map.entry("persistence floor", ModuleRules.persistenceUsesOnlyTheDomain(FIXTURE)),
            Map.entry("application floor", ModuleRules.applicationUsesNoEntryPoint(FIXTURE)),
            Map.entry("key readers", keyReaders(Set.of("fan"))),
            Map.entry(
                "classes in floors",
                ModuleRules.classesSitInTheFloors(FIXTURE, Map.of("fan", List.of("engine")))));
    return rules.entrySet().stream()
        .map(
            rule ->
                DynamicTest.dynamicTest(
                    rule.getKey(),
                    () ->
                        assertThatThrownBy(() -> rule.getValue().check(nothing))
                            .isInstanceOf(AssertionError.class)
                            .hasMessageContaining("failed to check any classes")));
  }

  /** A module name that matches no class (a typo, a renamed package) fails its own rule too. */
  @Test
  void aRuleForAModuleWithoutClassesFails() {
    assertThatThrownBy(
            () ->
                ModuleRules.dependsOnlyOnAllowedModules(
                        FIXTURE, "nosuchmodule", Set.of(), FIXTURE_MODULES)
                    .check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }

  private static ArchRule keyReaders(Set<String> callers) {
    return ModuleRules.keysAreReadOnlyBy(
        FIXTURE, FIXTURE + ".leaky.api.Vault", Set.of("key"), callers);
  }

  @Test
  void readingKeysOutsideTheNamedModulesFails() {
    assertThatThrownBy(() -> keyReaders(Set.of("fan")).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("user.internal.application.KeyReader")
        .hasMessageNotContaining("KeyHolder");
    assertThatNoException().isThrownBy(() -> keyReaders(Set.of("fan", "user")).check(fixtures));
  }

  /** A facade method renamed away leaves the rule nothing to guard: it fails. */
  @Test
  void aKeyRuleForAMethodTheFacadeLacksFails() {
    assertThatThrownBy(
            () ->
                ModuleRules.keysAreReadOnlyBy(
                        FIXTURE, FIXTURE + ".leaky.api.Vault", Set.of("keyMaterial"), Set.of())
                    .check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }

  @Test
  void aMarkedOperationThatStartsJobsFails() {
    assertThatThrownBy(
            () ->
                ModuleRules.tokenCallersStartNoJobs(
                        FIXTURE + ".leaky.api.Hot", FIXTURE + ".leaky.api.Jobs")
                    .check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("user.internal.rest.HotStarter.start")
        .hasMessageContaining("user.internal.rest.HotHolder.jobs")
        .hasMessageNotContaining("ColdStarter");
  }

  /** A marker nobody uses leaves the rule nothing to check: it fails. */
  @Test
  void aJobRuleForAMarkerNobodyUsesFails() {
    assertThatThrownBy(
            () ->
                ModuleRules.tokenCallersStartNoJobs(
                        FIXTURE + ".leaky.api.Cold", FIXTURE + ".leaky.api.Jobs")
                    .check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }
}
