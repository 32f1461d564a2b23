package dev.vigil.domain;

import java.util.Set;

/**
 * For {@code vigil demo} only: this tenant's Odoo is a built-in sandbox to start at the tenant's
 * URL, of this major version, with these extra modules installed. Real tenants leave it out.
 */
public record SandboxHint(int version, Set<String> modules) {
  public SandboxHint {
    modules = Set.copyOf(modules);
  }
}
