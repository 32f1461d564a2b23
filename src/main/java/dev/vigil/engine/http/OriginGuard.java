package dev.vigil.engine.http;

import dev.vigil.domain.ErrorClass;
import dev.vigil.domain.Tenant;
import dev.vigil.engine.StepFault;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which URLs a tenant's HTTP steps may reach: its Odoo's origin and the origins its
 * tenant file lists, nothing else — so a journey file cannot make Vigil a proxy into the hosting
 * network. Immutable.
 */
public final class OriginGuard {
  private final URI base;
  private final Set<String> allowed = new HashSet<>();

  public OriginGuard(Tenant tenant) {
    this.base = tenant.baseUrl();
    allowed.add(origin(tenant.baseUrl()));
    tenant.allowedOrigins().forEach(o -> allowed.add(origin(URI.create(o))));
  }

  /**
   * Resolves a step URL (a path on the tenant's Odoo, or an absolute URL) and checks its origin.
   *
   * @throws StepFault of class JOURNEY when the origin is not allowed or the URL is malformed
   */
  public URI resolve(String url) {
    URI target;
    try {
      target = url.startsWith("/") ? base.resolve(url) : new URI(url);
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new StepFault(ErrorClass.JOURNEY, "not a valid URL: " + url);
    }
    if (target.getHost() == null || !allowed.contains(origin(target))) {
      throw new StepFault(ErrorClass.JOURNEY, "origin " + (target.getHost() == null ? url : origin(target))
          + " is not allowed for this tenant (allowed: its Odoo URL and allowed_origins in its tenant file)");
    }
    return target;
  }

  static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + ":" + port;
  }
}
