package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What the deployable carries: the EAR that Liberty runs (the same file the run command and every
 * system test deploy) ships the media engine but not the synthetic-master generator, which lives in
 * media's test-jar for the dev stack, the benches and the tests.
 */
class ShippedEarIT {

  @Test
  void theEarShipsTheMediaEngineButNoMasterGenerator() throws IOException {
    Path ear =
        Path.of(System.getProperty("marquee.wlp.dir"), "usr/servers/marquee/apps/marquee.ear");
    assertThat(ear).as("the EAR Liberty deploys").isRegularFile();

    List<String> classes = new ArrayList<>();
    try (InputStream in = Files.newInputStream(ear)) {
      collectClasses(new ZipInputStream(in), "", classes);
    }

    assertThat(classes)
        .as("media's engine is in the EAR")
        .anyMatch(name -> name.endsWith("dev/marquee/media/api/MediaProbe.class"));
    assertThat(classes)
        .as("no master generator in the EAR")
        .noneMatch(name -> name.contains("SyntheticMaster"))
        .noneMatch(name -> name.contains("/dev/marquee/media/testing/"));
  }

  /** Every class in the archive, with nested WARs and JARs opened, as "outer!/inner/Name.class". */
  private static void collectClasses(ZipInputStream zip, String prefix, List<String> out)
      throws IOException {
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      String name = entry.getName();
      if (name.endsWith(".class")) {
        out.add(prefix + "/" + name);
      } else if (name.endsWith(".war") || name.endsWith(".jar")) {
        // The nested stream must stay open: reading it consumes only this entry's bytes.
        collectClasses(new ZipInputStream(zip), prefix + "/" + name + "!", out);
      }
    }
  }
}
