package dev.marquee.platform.internal.rest;

import dev.marquee.platform.api.MaxBodySize;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives every resource method a body-size limit: its own {@link MaxBodySize}, its class's, or the
 * default for JSON and form bodies. Each gets a {@link BodySizeFilter} that refuses before reading.
 */
@Provider
public class BodySizeLimits implements DynamicFeature {
  static final long DEFAULT_BYTES = 256 * 1024;

  /**
   * The annotation on the method or its class, looked up through the class hierarchy: CDI may hand
   * JAX-RS a generated subclass whose methods carry no annotations.
   */
  static MaxBodySize declared(Class<?> resourceClass, Method method) {
    for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        MaxBodySize onMethod =
            c.getDeclaredMethod(method.getName(), method.getParameterTypes())
                .getAnnotation(MaxBodySize.class);
        if (onMethod != null) {
          return onMethod;
        }
      } catch (NoSuchMethodException e) {
        // declared further up
      }
      MaxBodySize onClass = c.getAnnotation(MaxBodySize.class);
      if (onClass != null) {
        return onClass;
      }
    }
    return null;
  }

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    MaxBodySize declared = declared(resource.getResourceClass(), resource.getResourceMethod());
    long limit =
        declared != null
            ? declared.value()
            : ConfigProvider.getConfig()
                .getOptionalValue("marquee.http.max-body-bytes", Long.class)
                .orElse(DEFAULT_BYTES);
    context.register(
        new BodySizeFilter(
            limit,
            declared != null && declared.streamed(),
            declared == null ? "body-too-large" : declared.problem()));
  }
}
