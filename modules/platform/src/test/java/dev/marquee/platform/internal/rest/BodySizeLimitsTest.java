package dev.marquee.platform.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.platform.api.MaxBodySize;
import org.junit.jupiter.api.Test;

class BodySizeLimitsTest {
  static class Resource {
    @MaxBodySize(8192)
    public String licence(String body) {
      return body;
    }

    public String other(String body) {
      return body;
    }
  }

  @MaxBodySize(value = 1024, streamed = true)
  static class Uploads {
    public void part(java.io.InputStream body) {}
  }

  /** What a CDI container generates: a subclass overriding the methods, without annotations. */
  static class ResourceProxy extends Resource {
    @Override
    public String licence(String body) {
      return super.licence(body);
    }
  }

  @Test
  void findsTheMethodsLimitThroughAGeneratedSubclass() throws Exception {
    var method = ResourceProxy.class.getMethod("licence", String.class);
    assertThat(BodySizeLimits.declared(ResourceProxy.class, method).value()).isEqualTo(8192);
  }

  @Test
  void aMethodWithoutOneTakesItsClassesOrNone() throws Exception {
    assertThat(
            BodySizeLimits.declared(
                ResourceProxy.class, ResourceProxy.class.getMethod("other", String.class)))
        .isNull();
    MaxBodySize onClass =
        BodySizeLimits.declared(
            Uploads.class, Uploads.class.getMethod("part", java.io.InputStream.class));
    assertThat(onClass.value()).isEqualTo(1024);
    assertThat(onClass.streamed()).isTrue();
    assertThat(onClass.problem()).isEqualTo("body-too-large");
  }
}
