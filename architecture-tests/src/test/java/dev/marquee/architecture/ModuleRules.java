package dev.marquee.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules, parameterised by root package so that they can be proven on deliberately broken
 * fixtures as well as applied to Marquee itself.
 */
final class ModuleRules {
  /** The shared kernel: every module may use its public packages. */
  static final String PLATFORM = "platform";

  /** Public packages of the platform module. */
  static final List<String> PLATFORM_PUBLIC = List.of("api", "jpa");

  /** Shared modules every business module may use, with their public packages. */
  static final Map<String, List<String>> SHARED =
      Map.of(PLATFORM, PLATFORM_PUBLIC, "media", List.of("api"));

  /** DESIGN.md section 1: who may use whose api. */
  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "accounts", Set.of(),
          "catalog", Set.of("accounts"),
          "ingest", Set.of("catalog", "accounts"),
          "transcode", Set.of("ingest", "drm", "catalog"),
          "drm", Set.of("accounts", "catalog"),
          "playback", Set.of("catalog", "drm", "accounts", "transcode", "ingest"),
          "console", Set.of("accounts", "catalog", "ingest", "transcode", "drm", "playback"));

  private ModuleRules() {}

  static ArchRule noCyclesBetweenModules(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
  }

  /** Other modules may use only {@code <module>.api} (and the platform's public packages). */
  static ArchRule onlyApiCrossesModuleLines(
      String root, String module, List<String> publicPackages) {
    String base = root + "." + module;
    DescribedPredicate<JavaClass> privateToModule =
        DescribedPredicate.describe(
            "are private to module " + module,
            c -> c.getPackageName().startsWith(base + ".") && !isPublic(c, base, publicPackages));
    return noClasses()
        .that()
        .resideOutsideOfPackage(base + "..")
        .should()
        .dependOnClassesThat(privateToModule)
        .because("modules talk through their api packages only")
        .allowEmptyShould(true);
  }

  private static boolean isPublic(JavaClass c, String base, List<String> publicPackages) {
    String pkg = c.getPackageName();
    return publicPackages.stream()
        .anyMatch(p -> pkg.equals(base + "." + p) || pkg.startsWith(base + "." + p + "."));
  }

  /** A module depends only on the modules DESIGN.md allows (besides the platform). */
  static ArchRule dependsOnlyOnAllowedModules(
      String root, String module, Set<String> allowed, Set<String> all) {
    String[] forbidden =
        all.stream()
            .filter(m -> !m.equals(module) && !allowed.contains(m) && !SHARED.containsKey(m))
            .map(m -> root + "." + m + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(root + "." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden)
        .because(module + " may use only " + allowed + " (DESIGN.md section 1)")
        .allowEmptyShould(true);
  }

  static ArchRule pathOnlyInRest(String root) {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .areAnnotatedWith(jakarta.ws.rs.Path.class)
        .should()
        .resideInAPackage("..internal.rest..")
        .andShould()
        .haveSimpleNameEndingWith("Resource")
        .allowEmptyShould(true);
  }

  static ArchRule pathMethodsOnlyInRest(String root) {
    return methods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage(root + "..")
        .and()
        .areAnnotatedWith(jakarta.ws.rs.Path.class)
        .should()
        .beDeclaredInClassesThat()
        .resideInAPackage("..internal.rest..")
        .allowEmptyShould(true);
  }

  static ArchRule entitiesOnlyInDomain(String root) {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .areAnnotatedWith(jakarta.persistence.Entity.class)
        .should()
        .resideInAPackage("..internal.domain..")
        .allowEmptyShould(true);
  }

  static ArchRule apisAreFreeOfPersistence(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".*.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.persistence..")
        .because("api packages carry records and IDs, never entities")
        .allowEmptyShould(true);
  }
}
