package dev.marquee.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The rules of docs/architecture.md, parameterised by root package so that each one is proven on
 * deliberately broken fixtures (RulesCatchViolationsTest) as well as applied to Marquee itself.
 *
 * <p>No rule allows an empty "should": a rule whose {@code that()} matches nothing fails, as
 * ArchUnit does by default, so a renamed package cannot turn a rule into a silent pass.
 */
final class ModuleRules {
  private static final List<String> API = List.of("api");

  /**
   * Every module under {@code dev.marquee}, with the packages other modules may use. {@code app}
   * (app-web's wiring) is the top of the graph: nothing may use it.
   */
  static final Map<String, List<String>> PUBLIC_PACKAGES =
      Map.ofEntries(
          Map.entry("platform", API),
          Map.entry("media", API),
          Map.entry("accounts", API),
          Map.entry("catalog", API),
          Map.entry("ingest", API),
          Map.entry("transcode", API),
          Map.entry("drm", API),
          Map.entry("playback", API),
          Map.entry("console", API),
          Map.entry("app", List.of()));

  /** Shared modules: every module may use their public packages; they use no business module. */
  static final Set<String> SHARED = Set.of("platform", "media");

  /**
   * docs/architecture.md, "Allowed dependencies": whose public packages each module may use,
   * besides the shared modules.
   */
  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "accounts", Set.of(),
          "catalog", Set.of("accounts"),
          "ingest", Set.of("catalog", "accounts"),
          "transcode", Set.of("ingest", "drm", "catalog"),
          "drm", Set.of("accounts", "catalog"),
          "playback", Set.of("catalog", "drm", "accounts", "transcode", "ingest"),
          "console", Set.of("accounts", "catalog", "ingest", "transcode", "drm", "playback"),
          "app",
              Set.of("accounts", "catalog", "ingest", "transcode", "drm", "playback", "console"));

  private ModuleRules() {}

  /** Whose public packages {@code module} may use: its graph entry, plus the shared modules. */
  static Set<String> allowedFor(String module) {
    Set<String> allowed = new HashSet<>(SHARED);
    allowed.addAll(ALLOWED.getOrDefault(module, Set.of()));
    allowed.remove(module);
    return allowed;
  }

  /**
   * Every class under {@code root} belongs to one of {@code modules}: a package the graph does not
   * know (a new module) would otherwise escape every per-module rule.
   */
  static ArchRule everyClassBelongsToAKnownModule(String root, Set<String> modules) {
    return classes()
        .that()
        .resideInAPackage(root + ".*..")
        .should()
        .resideInAnyPackage(modules.stream().map(m -> root + "." + m + "..").toArray(String[]::new))
        .because("every module must be in the dependency graph (docs/architecture.md)");
  }

  /** The modules of which not one class was imported, sorted. */
  static List<String> modulesWithoutClasses(JavaClasses classes, String root, Set<String> modules) {
    return modules.stream()
        .filter(m -> classes.stream().noneMatch(c -> inPackage(c, root + "." + m)))
        .sorted()
        .toList();
  }

  /** The modules of which no class under {@code <module>.internal} was imported, sorted. */
  static List<String> modulesWithoutInternals(
      JavaClasses classes, String root, Set<String> modules) {
    return modules.stream()
        .filter(m -> classes.stream().noneMatch(c -> inPackage(c, root + "." + m + ".internal")))
        .sorted()
        .toList();
  }

  private static boolean inPackage(JavaClass c, String pkg) {
    return c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".");
  }

  /** The modules {@code root.<module>} form an acyclic graph. */
  static ArchRule noCyclesBetweenModules(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  /** Nothing outside {@code module} uses what is private to it (all but its public packages). */
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
        .because("modules talk through their api packages only");
  }

  /**
   * {@code module} uses, of everything under {@code root}, only its own classes and the public
   * packages of the modules in {@code allowed}: a module outside its graph entry is forbidden
   * whole, and an allowed module's internals are forbidden too (so a module allowed to use every
   * other, like the console, still cannot reach into one).
   *
   * @param publicPackages every module under {@code root} with its public packages
   */
  static ArchRule dependsOnlyOnAllowedModules(
      String root, String module, Set<String> allowed, Map<String, List<String>> publicPackages) {
    String own = root + "." + module;
    DescribedPredicate<JavaClass> outsideTheGraph =
        DescribedPredicate.describe(
            "are outside " + module + " and the public packages of " + new TreeSet<>(allowed),
            c -> {
              String pkg = c.getPackageName();
              if (!pkg.startsWith(root + ".") || pkg.equals(own) || pkg.startsWith(own + ".")) {
                return false;
              }
              return allowed.stream()
                  .noneMatch(
                      m -> isPublic(c, root + "." + m, publicPackages.getOrDefault(m, List.of())));
            });
    return noClasses()
        .that()
        .resideInAPackage(own + "..")
        .should()
        .dependOnClassesThat(outsideTheGraph)
        .because(
            module
                + " may use only the api of "
                + new TreeSet<>(allowed)
                + " (docs/architecture.md, allowed dependencies)");
  }

  private static boolean isPublic(JavaClass c, String base, List<String> publicPackages) {
    String pkg = c.getPackageName();
    return publicPackages.stream()
        .anyMatch(p -> pkg.equals(base + "." + p) || pkg.startsWith(base + "." + p + "."));
  }

  /** JAX-RS resource classes live in {@code internal.rest} and are named {@code *Resource}. */
  static ArchRule pathOnlyInRest(String root) {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .areAnnotatedWith(Path.class)
        .should()
        .resideInAPackage("..internal.rest..")
        .andShould()
        .haveSimpleNameEndingWith("Resource");
  }

  /**
   * JAX-RS resource methods ({@code @Path}, {@code @GET}, {@code @POST}, ...) live in {@code
   * internal.rest}, whether or not their class carries {@code @Path}.
   */
  static ArchRule pathMethodsOnlyInRest(String root) {
    DescribedPredicate<JavaMethod> resourceMethods =
        DescribedPredicate.describe(
            "are annotated with @Path or an HTTP method (@GET, @POST, ...)",
            m -> m.isAnnotatedWith(Path.class) || m.isMetaAnnotatedWith(HttpMethod.class));
    return methods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage(root + "..")
        .and(resourceMethods)
        .should()
        .beDeclaredInClassesThat()
        .resideInAPackage("..internal.rest..");
  }

  static ArchRule entitiesOnlyInDomain(String root) {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .areAnnotatedWith(Entity.class)
        .should()
        .resideInAPackage("..internal.domain..");
  }

  static ArchRule apisAreFreeOfPersistence(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".*.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.persistence..")
        .because("api packages carry records and IDs, never entities");
  }

  /**
   * The module reaches data only through other modules' facades: no JDBC, no JPA, no plain SQL
   * helper of the platform (the console: it must not query other modules' schemas).
   */
  static ArchRule usesNoDatabase(String root, String module) {
    return noClasses()
        .that()
        .resideInAPackage(root + "." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "jakarta.persistence..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("PlainSql")
        .because("it calls other modules through their api facades, never SQL into their schemas");
  }

  /**
   * One name per persistence style for aggregates: a {@code *Repository} interface lives in {@code
   * internal.domain}, and its implementation in {@code internal.persistence}, named for how it
   * stores: {@code Jpa*Repository} (JPA) or {@code Sql*Repository} (plain SQL).
   */
  static ArchRule repositoriesAreNamedForTheirStyle(String root) {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .haveSimpleNameEndingWith("Repository")
        .should(beADomainInterfaceOrAJpaOrSqlImplementation())
        .because("aggregates are stored through repositories (docs/architecture.md, Persistence)");
  }

  private static ArchCondition<JavaClass> beADomainInterfaceOrAJpaOrSqlImplementation() {
    return new ArchCondition<>(
        "be an interface in internal.domain, or a Jpa* or Sql* class in internal.persistence") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        String pkg = c.getPackageName() + ".";
        String name = c.getSimpleName();
        boolean ok =
            c.isInterface()
                ? pkg.contains(".internal.domain.")
                : pkg.contains(".internal.persistence.")
                    && (name.startsWith("Jpa") || name.startsWith("Sql"));
        if (!ok) {
          events.add(
              SimpleConditionEvent.violated(
                  c,
                  (c.isInterface() ? "repository interface " : "repository class ")
                      + c.getName()
                      + (c.isInterface()
                          ? " is outside internal.domain"
                          : " is not a Jpa* or Sql* class in internal.persistence")));
        }
      }
    };
  }

  /**
   * The floors inside a module point downward (docs/architecture.md, "The shape inside every
   * module"): {@code internal.domain} uses no other floor and no entry point; {@code
   * internal.persistence} uses only the domain; {@code internal.application} uses no entry point
   * ({@code rest}, {@code web}, {@code batch}, {@code messaging}). Other modules' internals are
   * already out of reach, so one rule over every module holds each module's floors. Engine packages
   * beside the floors are not judged here; {@link #classesSitInTheFloors} holds which packages a
   * module may have.
   */
  static ArchRule domainUsesNoOtherFloor(String root) {
    return noClasses()
        .that()
        .resideInAPackage(floor(root, "domain"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            floors(root, "persistence", "application", "rest", "web", "batch", "messaging"))
        .because("the domain is the bottom floor of a module");
  }

  static ArchRule persistenceUsesOnlyTheDomain(String root) {
    return noClasses()
        .that()
        .resideInAPackage(floor(root, "persistence"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(floors(root, "application", "rest", "web", "batch", "messaging"))
        .because("repositories and queries serve the floors above, never call them");
  }

  static ArchRule applicationUsesNoEntryPoint(String root) {
    return noClasses()
        .that()
        .resideInAPackage(floor(root, "application"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(floors(root, "rest", "web", "batch", "messaging"))
        .because("entry points (rest, web, batch, messaging) call the application, not back");
  }

  /** The floors a business module's classes live in (docs/architecture.md), besides its api. */
  static final List<String> FLOORS =
      List.of("domain", "persistence", "application", "rest", "batch", "messaging", "web");

  /**
   * Every module but the shared ones and app, held to the floors, each with the engine packages it
   * may have beside them (docs/architecture.md, "The shape inside every module"): catalog's {@code
   * search} is the OpenSearch adapter, transcode's {@code encode} and {@code cmaf} its encoders and
   * ISO-BMFF writer, playback's {@code manifest} renders DASH and HLS documents from a segment
   * index. The console's pages live in {@code web} and its sub-packages. A new module must be
   * listed here (a test says so), so it cannot drift.
   */
  static final Map<String, List<String>> ENGINE_PACKAGES =
      Map.of(
          "accounts", List.of(),
          "catalog", List.of("search"),
          "ingest", List.of(),
          "transcode", List.of("encode", "cmaf"),
          "drm", List.of(),
          "playback", List.of("manifest"),
          "console", List.of());

  /**
   * In each module of {@code engines}, every class sits in its {@code api}, in one of the {@link
   * #FLOORS} under {@code internal}, or in one of the engine packages listed for that module (an
   * engine with no persistence and no transactions of its own, named here one by one): a feature
   * package beside the floors fails.
   *
   * @param engines each business module judged, with the engine packages under its {@code internal}
   *     that it may have besides the floors
   */
  static ArchRule classesSitInTheFloors(String root, Map<String, List<String>> engines) {
    String[] modules =
        engines.keySet().stream().sorted().map(m -> root + "." + m + "..").toArray(String[]::new);
    String[] allowed =
        engines.entrySet().stream()
            .flatMap(
                e -> {
                  String base = root + "." + e.getKey();
                  return Stream.concat(
                      Stream.of(base + ".api.."),
                      Stream.concat(FLOORS.stream(), e.getValue().stream())
                          .map(p -> base + ".internal." + p + ".."));
                })
            .sorted()
            .toArray(String[]::new);
    return classes()
        .that()
        .resideInAnyPackage(modules)
        .should()
        .resideInAnyPackage(allowed)
        .because(
            "every class of a business module sits in its api, a floor or a named engine package"
                + " (docs/architecture.md, The shape inside every module)");
  }

  private static String floor(String root, String name) {
    return root + ".*.internal." + name + "..";
  }

  private static String[] floors(String root, String... names) {
    return Arrays.stream(names).map(n -> floor(root, n)).toArray(String[]::new);
  }

  /** Every package has a package-info.java saying in a sentence what lives there. */
  static ArchRule everyPackageSaysWhatLivesThere(String root) {
    return classes().that().resideInAPackage(root + "..").should(haveAPackageInfo());
  }

  private static ArchCondition<JavaClass> haveAPackageInfo() {
    return new ArchCondition<>("reside in a package with a package-info.java") {
      private final Set<String> reported = new HashSet<>();

      @Override
      public void init(java.util.Collection<JavaClass> allClasses) {
        reported.clear();
      }

      @Override
      public void check(JavaClass c, ConditionEvents events) {
        String pkg = c.getPackageName();
        if (c.getPackage().tryGetPackageInfo().isEmpty() && reported.add(pkg)) {
          events.add(
              SimpleConditionEvent.violated(
                  c, "package " + pkg + " has no package-info.java (" + c.getSimpleName() + ")"));
        }
      }
    };
  }

  /**
   * Unwrapped content keys leave drm for two callers only (ADR 45): the packager (transcode), which
   * encrypts with them, and the licence server (playback), which hands them to a granted player.
   * Every call of {@code facade}'s {@code methods} comes from the facade's own module or one of
   * {@code callers}. Fails when the facade declares none of the methods (a rename would otherwise
   * leave the keys unguarded).
   */
  static ArchRule keysAreReadOnlyBy(
      String root, String facade, Set<String> methods, Set<String> callers) {
    String owner = facade.substring(root.length() + 1, facade.indexOf('.', root.length() + 1));
    String[] allowed =
        Stream.concat(Stream.of(owner), callers.stream())
            .map(m -> root + "." + m + "..")
            .toArray(String[]::new);
    return methods()
        .that()
        .areDeclaredIn(facade)
        .and()
        .haveNameMatching(String.join("|", methods))
        .should()
        .onlyBeCalled()
        .byClassesThat()
        .resideInAnyPackage(allowed)
        .because("only the packager and the licence server may hold unwrapped content keys");
  }

  /**
   * A REST operation that takes its caller from the token has no container login (ADR 48), which a
   * Jakarta Batch operation as the caller needs: no method marked with {@code marker} (or of a
   * class so marked) may use {@code batchFacade} or Jakarta Batch, and a marked class may not hold
   * one. Only direct use is seen; what a marked operation reaches through other classes is its
   * author's claim, which the system tests check from outside. Fails when nothing is marked.
   */
  static ArchRule tokenCallersStartNoJobs(String marker, String batchFacade) {
    DescribedPredicate<JavaClass> marked =
        DescribedPredicate.describe(
            "are marked @" + marker.substring(marker.lastIndexOf('.') + 1),
            c ->
                c.isAnnotatedWith(marker)
                    || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(marker)));
    java.util.function.Predicate<JavaClass> jobs =
        c -> c.getName().equals(batchFacade) || c.getPackageName().startsWith("jakarta.batch");
    ArchCondition<JavaClass> startNoJobs =
        new ArchCondition<>("use no " + batchFacade + " or Jakarta Batch in marked operations") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            boolean wholeClass = c.isAnnotatedWith(marker);
            for (var access : c.getAccessesFromSelf()) {
              if ((wholeClass || access.getOrigin().isAnnotatedWith(marker))
                  && jobs.test(access.getTargetOwner())) {
                events.add(
                    SimpleConditionEvent.violated(
                        c,
                        access.getOrigin().getFullName()
                            + " uses "
                            + access.getTargetOwner().getName()));
              }
            }
            if (wholeClass) {
              c.getFields().stream()
                  .filter(f -> jobs.test(f.getRawType()))
                  .forEach(
                      f ->
                          events.add(
                              SimpleConditionEvent.violated(
                                  c, f.getFullName() + " holds " + f.getRawType().getName())));
            }
          }
        };
    return classes()
        .that(marked)
        .should(startNoJobs)
        .because("an operation without a container login cannot act on batch jobs as its caller");
  }
}
