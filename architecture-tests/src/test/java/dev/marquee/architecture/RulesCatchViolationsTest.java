package dev.marquee.architecture;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule, applied to the broken fixtures, must fail: a rule that cannot fail guards nothing. */
class RulesCatchViolationsTest {
  private static final String FIXTURE = "dev.marquee.architecture.fixture";
  private final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURE);

  @Test
  void reachingIntoAnotherModulesInternalsFails() {
    assertThatThrownBy(
            () ->
                ModuleRules.onlyApiCrossesModuleLines(FIXTURE, "leaky", List.of("api"))
                    .check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Peeker")
        .hasMessageContaining("Secret");
  }

  @Test
  void dependingOnAModuleOutsideTheGraphFails() {
    assertThatThrownBy(
            () ->
                ModuleRules.dependsOnlyOnAllowedModules(
                        FIXTURE, "user", Set.of(), Set.of("user", "leaky"))
                    .check(fixtures))
        .isInstanceOf(AssertionError.class);
    assertThatNoException()
        .isThrownBy(
            () ->
                ModuleRules.dependsOnlyOnAllowedModules(
                        FIXTURE, "user", Set.of("leaky"), Set.of("user", "leaky"))
                    .check(fixtures));
  }

  @Test
  void persistenceInAnApiFails() {
    assertThatThrownBy(() -> ModuleRules.apisAreFreeOfPersistence(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyView");
  }

  @Test
  void aPathClassNotNamedResourceFails() {
    assertThatThrownBy(() -> ModuleRules.pathOnlyInRest(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Peeker");
  }
}
