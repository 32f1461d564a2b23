package dev.vigil.sandbox.dialect;

import io.vertx.core.json.JsonObject;

/**
 * Odoo 18.0, as recorded on an 18.0 server: what changed since 17 (storable flag on products,
 * {@code has_access}, {@code action_create_returns} without a location, joined posting errors).
 */
class Odoo18Dialect extends Odoo17Dialect {
  private static final ProductTypes PRODUCT_TYPES = new StorableFlagProducts();

  @Override
  public int major() {
    return 18;
  }

  @Override
  public boolean hasHasAccess() {
    return true;
  }

  @Override
  public ProductTypes productTypes() {
    return PRODUCT_TYPES;
  }

  @Override
  public boolean returnWizardTakesLocation() {
    return false;
  }

  @Override
  public String createReturnsMethod() {
    return "action_create_returns";
  }

  @Override
  public JsonObject returnAction(long returnPickingId, long returnTypeId, Long partnerId, JsonObject context) {
    return new JsonObject()
        .put("name", "Returned Picking")
        .put("view_mode", "form")
        .put("res_model", "stock.picking")
        .put("res_id", returnPickingId)
        .put("type", "ir.actions.act_window")
        .put("context", context.copy());
  }

  @Override
  public boolean joinsPostingErrors() {
    return true;
  }
}
