package dev.vigil.sandbox.models;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.dialect.ProductTypes;
import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.FieldType;
import dev.vigil.sandbox.orm.ModelSchema;
import dev.vigil.sandbox.orm.Record;
import dev.vigil.sandbox.orm.Store;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * The {@code base} and {@code product} models: partners, users, companies, system parameters,
 * modules, units of measure, product categories and products; and the generic ORM methods every
 * model answers. Product type fields follow the version ({@code detailed_type} or
 * {@code is_storable}); {@code qty_available} is added when {@code stock} is installed and sums
 * the quants in internal locations. {@code res.users.context_get} answers the caller's context
 * (language, time zone, uid), which JSON-2 clients ask to learn the uid of their API key.
 */
final class BaseModels implements OdooModule {

  @Override
  public String module() {
    return "base";
  }

  @Override
  public List<ModelSchema> schemas(Dialect dialect, Set<String> installed) {
    return List.of(partner(), users(), company(installed), configParameter(), modules(), uom(), category(),
        product(dialect, installed));
  }

  @Override
  public void register(ModelRegistry.Builder registry, Dialect dialect) {
    OrmMethods.register(registry, dialect);
    registry.method("res.users", MethodSpec.onModel("Users", "context_get", (model, ids, args) -> userContext(model)));
    ProductTypes types = dialect.productTypes();
    registry.hooks("product.product", new ModelHooks() {
      @Override
      public void prepareCreate(Model model, JsonObject values) {
        types.complete(values);
      }

      @Override
      public void prepareWrite(Model model, List<Record> records, JsonObject values) {
        types.complete(values);
      }
    });
  }

  /** {@code res.users.context_get()}: the caller's context, as the session info's {@code user_context}. */
  private static JsonObject userContext(Model users) {
    return new JsonObject().put("lang", "en_US").put("tz", "Europe/Brussels").put("uid", users.env().user().uid());
  }

  private static ModelSchema partner() {
    return ModelSchema.builder("res.partner", "Contact")
        .order("display_name, id desc")
        .field(Field.chars("name", "Name").asRequired())
        .field(Field.of("is_company", FieldType.BOOLEAN, "Is a Company").withDefault(false))
        .field(Field.many2one("parent_id", "Related Company", "res.partner"))
        .field(Field.one2many("child_ids", "Contact", "res.partner", "parent_id"))
        .field(Field.selection("type", "Address Type", List.of("contact", "invoice", "delivery", "other"))
            .withDefault("contact"))
        .field(Field.chars("email", "Email"))
        .field(Field.chars("phone", "Phone"))
        .field(Field.chars("street", "Street"))
        .field(Field.chars("city", "City"))
        .field(Field.chars("zip", "Zip"))
        .field(Field.chars("ref", "Reference"))
        .field(Field.chars("vat", "Tax ID"))
        .field(Field.many2one("company_id", "Company", "res.company"))
        .field(Field.of("customer_rank", FieldType.INTEGER, "Customer Rank").withDefault(0))
        .field(Field.of("supplier_rank", FieldType.INTEGER, "Supplier Rank").withDefault(0))
        .field(Field.of("active", FieldType.BOOLEAN, "Active").withDefault(true))
        .displayName(BaseModels::partnerName)
        .build();
  }

  /** "Azure Interior, Brandon Freeman" for a contact of a company; the name otherwise. */
  private static String partnerName(Store store, Record partner) {
    Long parent = partner.ref("parent_id");
    if (parent == null || partner.flag("is_company")) {
      return partner.string("name");
    }
    return store.displayName("res.partner", parent) + ", " + partner.string("name");
  }

  private static ModelSchema users() {
    return ModelSchema.builder("res.users", "User")
        .order("name, login")
        .field(Field.chars("login", "Login").asRequired())
        .field(Field.chars("name", "Name"))
        .field(Field.many2one("partner_id", "Related Partner", "res.partner"))
        .field(Field.many2one("company_id", "Company", "res.company").withDefault(1L))
        .field(Field.many2many("company_ids", "Companies", "res.company"))
        .field(Field.chars("tz", "Timezone"))
        .field(Field.chars("lang", "Language"))
        .field(Field.of("share", FieldType.BOOLEAN, "Share User").withDefault(false))
        .field(Field.of("active", FieldType.BOOLEAN, "Active").withDefault(true))
        .build();
  }

  private static ModelSchema company(Set<String> installed) {
    ModelSchema.Builder company = ModelSchema.builder("res.company", "Companies")
        .order("sequence, name")
        .field(Field.chars("name", "Company Name").asRequired())
        .field(Field.many2one("partner_id", "Partner", "res.partner"))
        .field(Field.of("sequence", FieldType.INTEGER, "Sequence").withDefault(10))
        .field(Field.chars("email", "Email"));
    if (installed.contains("account")) {
      company.field(Field.many2one("account_sale_tax_id", "Default Sale Tax", "account.tax"));
    }
    return company.build();
  }

  private static ModelSchema configParameter() {
    return ModelSchema.builder("ir.config_parameter", "System Parameter")
        .order("key")
        .field(Field.chars("key", "Key").asRequired())
        .field(Field.of("value", FieldType.TEXT, "Value").asRequired())
        .displayName((store, record) -> record.string("key"))
        .build();
  }

  private static ModelSchema modules() {
    return ModelSchema.builder("ir.module.module", "Module")
        .order("name")
        .field(Field.chars("name", "Technical Name").asRequired())
        .field(Field.chars("shortdesc", "Module Name"))
        .field(Field.selection("state", "Status", List.of("uninstallable", "uninstalled", "installed",
            "to upgrade", "to remove", "to install")).withDefault("uninstalled"))
        .field(Field.of("application", FieldType.BOOLEAN, "Application").withDefault(false))
        .displayName((store, record) -> record.string("shortdesc"))
        .build();
  }

  private static ModelSchema uom() {
    return ModelSchema.builder("uom.uom", "Product Unit of Measure")
        .field(Field.chars("name", "Unit of Measure").asRequired())
        .field(Field.of("rounding", FieldType.FLOAT, "Rounding Precision").withDefault(0.01))
        .field(Field.of("active", FieldType.BOOLEAN, "Active").withDefault(true))
        .build();
  }

  private static ModelSchema category() {
    return ModelSchema.builder("product.category", "Product Category")
        .order("name")
        .field(Field.chars("name", "Name").asRequired())
        .field(Field.many2one("parent_id", "Parent Category", "product.category"))
        .displayName((store, record) -> record.ref("parent_id") == null
            ? record.string("name")
            : store.displayName("product.category", record.ref("parent_id")) + " / " + record.string("name"))
        .build();
  }

  private static ModelSchema product(Dialect dialect, Set<String> installed) {
    ModelSchema.Builder product = ModelSchema.builder("product.product", "Product Variant")
        .order("default_code, name, id")
        .field(Field.chars("name", "Name").asRequired())
        .field(Field.chars("default_code", "Internal Reference"))
        .field(Field.chars("barcode", "Barcode"))
        .field(Field.of("list_price", FieldType.FLOAT, "Sales Price").withDefault(1.0))
        .field(Field.of("standard_price", FieldType.FLOAT, "Cost").withDefault(0.0))
        .field(Field.of("sale_ok", FieldType.BOOLEAN, "Can be Sold").withDefault(true))
        .field(Field.of("purchase_ok", FieldType.BOOLEAN, "Can be Purchased").withDefault(true))
        .field(Field.many2one("uom_id", "Unit of Measure", "uom.uom").withDefault(1L))
        .field(Field.many2one("uom_po_id", "Purchase Unit of Measure", "uom.uom").withDefault(1L))
        .field(Field.many2one("categ_id", "Product Category", "product.category").withDefault(1L))
        .field(Field.many2one("company_id", "Company", "res.company"))
        .field(Field.of("active", FieldType.BOOLEAN, "Active").withDefault(true))
        .displayName((store, record) -> record.string("default_code") == null
            ? record.string("name")
            : "[" + record.string("default_code") + "] " + record.string("name"));
    dialect.productTypes().fields().forEach(product::field);
    if (installed.contains("account")) {
      product.field(Field.many2many("taxes_id", "Customer Taxes", "account.tax"));
    }
    if (installed.contains("stock")) {
      product.field(Field.of("qty_available", FieldType.FLOAT, "Quantity On Hand").computedBy(BaseModels::onHand));
    }
    return product.build();
  }

  /** The product's quantity in internal locations. */
  private static Object onHand(Store store, Record product) {
    return store.table("stock.quant").all().stream()
        .filter(quant -> Long.valueOf(product.id()).equals(quant.ref("product_id")))
        .filter(quant -> store.table("stock.location").find(quant.ref("location_id"))
            .map(location -> "internal".equals(location.string("usage"))).orElse(false))
        .mapToDouble(quant -> quant.number("quantity"))
        .sum();
  }
}
