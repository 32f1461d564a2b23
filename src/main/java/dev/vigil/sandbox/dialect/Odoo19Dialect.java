package dev.vigil.sandbox.dialect;

/**
 * Odoo 19.0: 18 plus the {@code /json/2} API. Not recorded: the JSON-2 behaviour follows Odoo's
 * published documentation of that endpoint.
 */
final class Odoo19Dialect extends Odoo18Dialect {

  @Override
  public int major() {
    return 19;
  }

  @Override
  public boolean servesJson2() {
    return true;
  }
}
