package dev.marquee.console.internal.web.ingest;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;

/**
 * With {@link DirectParts} on, the ingest page's script PUTs parts to object storage: its
 * Content-Security-Policy lets it connect there as well as to this origin. Whichever of the
 * application's filters runs first, a policy set before or after this one gets the storage's origin
 * added to its {@code connect-src}; policies without one (PrimeFaces' script policy) stay as they
 * are.
 */
@WebFilter(urlPatterns = "/console/admin/ingest.xhtml")
public class IngestStorageConnectFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final String CSP = "Content-Security-Policy";

  @Inject transient DirectParts directParts;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!directParts.on()) {
      chain.doFilter(request, response);
      return;
    }
    String origin = directParts.storageOrigin();
    List<String> before = List.copyOf(response.getHeaders(CSP));
    for (int i = 0; i < before.size(); i++) {
      String value = withStorage(before.get(i), origin);
      if (i == 0) {
        response.setHeader(CSP, value);
      } else {
        response.addHeader(CSP, value);
      }
    }
    chain.doFilter(
        request,
        new HttpServletResponseWrapper(response) {
          @Override
          public void setHeader(String name, String value) {
            super.setHeader(name, CSP.equalsIgnoreCase(name) ? withStorage(value, origin) : value);
          }

          @Override
          public void addHeader(String name, String value) {
            super.addHeader(name, CSP.equalsIgnoreCase(name) ? withStorage(value, origin) : value);
          }
        });
  }

  static String withStorage(String policy, String origin) {
    if (policy == null || policy.contains(origin)) {
      return policy;
    }
    return policy.replace("connect-src 'self'", "connect-src 'self' " + origin);
  }
}
