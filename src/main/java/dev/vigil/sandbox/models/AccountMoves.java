package dev.vigil.sandbox.models;

import dev.vigil.sandbox.dialect.Dialect;
import dev.vigil.sandbox.orm.Field;
import dev.vigil.sandbox.orm.FieldType;
import dev.vigil.sandbox.orm.ModelSchema;
import dev.vigil.sandbox.orm.OdooErrors;
import dev.vigil.sandbox.orm.Record;
import dev.vigil.sandbox.orm.Store;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * The {@code account} models (journals, taxes, journal entries and their lines) and the rules of
 * invoices: a new move is a draft named {@code /}; {@code action_post} checks it (customer and
 * lines required) and names it {@code <journal code>/<year>/<5 digits>}, one more than the
 * highest number of its journal and year; {@code button_draft} and {@code button_cancel} move it
 * back; a posted entry cannot be deleted, nor (17+, for non-administrators) one that consumed a
 * number and is not the last of its chain.
 */
final class AccountMoves implements OdooModule {
  private static final List<String> MOVE_TYPES =
      List.of("entry", "out_invoice", "out_refund", "in_invoice", "in_refund", "out_receipt", "in_receipt");
  private static final Map<String, String> DOCUMENT = Map.of(
      "out_invoice", "Customer Invoice", "out_refund", "Customer Credit Note", "out_receipt", "Sales Receipt",
      "in_invoice", "Vendor Bill", "in_refund", "Vendor Credit Note", "in_receipt", "Purchase Receipt");
  private static final Map<String, String> DRAFT_NAME = Map.of(
      "out_invoice", "Draft Invoice", "out_refund", "Draft Credit Note", "out_receipt", "Draft Sales Receipt",
      "in_invoice", "Draft Bill", "in_refund", "Draft Vendor Credit Note", "in_receipt", "Draft Purchase Receipt");
  private static final Pattern SEQUENCE = Pattern.compile("^(.*/)(\\d+)$");
  private static final String CLASS = "AccountMove";

  @Override
  public String module() {
    return "account";
  }

  @Override
  public List<ModelSchema> schemas(Dialect dialect, Set<String> installed) {
    return List.of(journal(), tax(), move(), line());
  }

  @Override
  public void register(ModelRegistry.Builder registry, Dialect dialect) {
    registry
        .hooks("account.move", new MoveHooks())
        .hooks("account.move.line", new LineHooks())
        .method("account.move", MethodSpec.onRecords(CLASS, "action_post", AccountMoves::post))
        .method("account.move", MethodSpec.onRecords(CLASS, "button_draft", AccountMoves::resetToDraft))
        .method("account.move", MethodSpec.onRecords(CLASS, "button_cancel", AccountMoves::cancel));
  }

  private static ModelSchema journal() {
    return ModelSchema.builder("account.journal", "Journal")
        .order("sequence, type, code")
        .field(Field.chars("name", "Journal Name").asRequired())
        .field(Field.chars("code", "Short Code").asRequired())
        .field(Field.selection("type", "Type", List.of("sale", "purchase", "cash", "bank", "general")).asRequired())
        .field(Field.of("sequence", FieldType.INTEGER, "Sequence").withDefault(10))
        .field(Field.many2one("company_id", "Company", "res.company").withDefault(1L))
        .field(Field.of("active", FieldType.BOOLEAN, "Active").withDefault(true))
        .build();
  }

  private static ModelSchema tax() {
    return ModelSchema.builder("account.tax", "Tax")
        .order("sequence, id")
        .field(Field.chars("name", "Tax Name").asRequired())
        .field(Field.of("amount", FieldType.FLOAT, "Amount").withDefault(0.0))
        .field(Field.selection("amount_type", "Tax Computation", List.of("percent", "fixed")).withDefault("percent"))
        .field(Field.selection("type_tax_use", "Tax Type", List.of("sale", "purchase", "none")).withDefault("sale"))
        .field(Field.of("sequence", FieldType.INTEGER, "Sequence").withDefault(1))
        .field(Field.many2one("company_id", "Company", "res.company").withDefault(1L))
        .field(Field.of("active", FieldType.BOOLEAN, "Active").withDefault(true))
        .build();
  }

  private static ModelSchema move() {
    return ModelSchema.builder("account.move", "Journal Entry")
        .order("date desc, name desc, id desc")
        .field(Field.chars("name", "Number").withDefault("/"))
        .field(Field.selection("state", "Status", List.of("draft", "posted", "cancel")).withDefault("draft"))
        .field(Field.selection("move_type", "Type", MOVE_TYPES).withDefault("entry"))
        .field(Field.many2one("partner_id", "Partner", "res.partner"))
        .field(Field.many2one("journal_id", "Journal", "account.journal").asRequired())
        .field(Field.many2one("company_id", "Company", "res.company").withDefault(1L))
        .field(Field.of("date", FieldType.DATE, "Date").asRequired())
        .field(Field.of("invoice_date", FieldType.DATE, "Invoice/Bill Date"))
        .field(Field.chars("ref", "Reference"))
        .field(Field.one2many("invoice_line_ids", "Invoice lines", "account.move.line", "move_id"))
        .field(Field.one2many("line_ids", "Journal Items", "account.move.line", "move_id"))
        .field(Field.of("amount_untaxed", FieldType.MONETARY, "Untaxed Amount")
            .computedBy((store, move) -> total(store, move, false)))
        .field(Field.of("amount_tax", FieldType.MONETARY, "Tax")
            .computedBy((store, move) -> currencyRound(total(store, move, true) - total(store, move, false))))
        .field(Field.of("amount_total", FieldType.MONETARY, "Total")
            .computedBy((store, move) -> total(store, move, true)))
        .field(Field.selection("payment_state", "Payment Status",
            List.of("not_paid", "in_payment", "paid", "partial", "reversed", "invoicing_legacy")).withDefault("not_paid"))
        .field(Field.of("posted_before", FieldType.BOOLEAN, "Posted Before").withDefault(false))
        .displayName(AccountMoves::moveName)
        .build();
  }

  private static ModelSchema line() {
    return ModelSchema.builder("account.move.line", "Journal Item")
        .field(Field.many2one("move_id", "Journal Entry", "account.move").asRequired())
        .field(Field.many2one("product_id", "Product", "product.product"))
        .field(Field.chars("name", "Label"))
        .field(Field.of("quantity", FieldType.FLOAT, "Quantity").withDefault(1.0))
        .field(Field.of("price_unit", FieldType.FLOAT, "Unit Price").withDefault(0.0))
        .field(Field.many2many("tax_ids", "Taxes", "account.tax"))
        .field(Field.of("price_subtotal", FieldType.MONETARY, "Subtotal")
            .computedBy((store, line) -> lineAmount(store, line, false)))
        .field(Field.of("price_total", FieldType.MONETARY, "Total")
            .computedBy((store, line) -> lineAmount(store, line, true)))
        .build();
  }

  private static double lineAmount(Store store, Record line, boolean withTaxes) {
    double subtotal = line.number("quantity") * line.number("price_unit");
    if (!withTaxes) {
      return currencyRound(subtotal);
    }
    double percent = store.table("account.tax").all().stream()
        .filter(tax -> line.ids("tax_ids").contains(tax.id()))
        .mapToDouble(tax -> tax.number("amount"))
        .sum();
    return currencyRound(subtotal * (1 + percent / 100));
  }

  private static double total(Store store, Record move, boolean withTaxes) {
    return currencyRound(store.table("account.move.line").all().stream()
        .filter(line -> Long.valueOf(move.id()).equals(line.ref("move_id")))
        .mapToDouble(line -> lineAmount(store, line, withTaxes))
        .sum());
  }

  /** Rounds an amount to the currency's 2 decimals, as Odoo stores monetary values. */
  static double currencyRound(double amount) {
    return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  /** The number, or "Draft Invoice (* 67)" for a draft that has none yet. */
  private static String moveName(Store store, Record move) {
    String name = move.string("name");
    if ("/".equals(name) && "draft".equals(move.string("state"))) {
      return DRAFT_NAME.getOrDefault(move.string("move_type"), "Draft Entry") + " (* " + move.id() + ")";
    }
    return name;
  }

  private static Object post(Model moves, List<Long> ids, Arguments arguments) {
    List<Record> records = moves.existing(ids);
    for (Record move : records) {
      List<String> problems = postingProblems(moves, move);
      if (!problems.isEmpty()) {
        throw OdooErrors.userError(moves.env().dialect().joinsPostingErrors()
            ? String.join("\n", problems) : problems.get(0));
      }
    }
    for (Record move : records) {
      if ("/".equals(move.string("name"))) {
        move.set("name", nextNumber(moves, move));
      }
      move.set("state", "posted");
      move.set("posted_before", true);
    }
    return false;
  }

  private static List<String> postingProblems(Model moves, Record move) {
    List<String> problems = new ArrayList<>();
    if (!"draft".equals(move.string("state"))) {
      problems.add("The entry " + move.string("name") + " (id " + move.id() + ") must be in draft.");
    }
    String document = DOCUMENT.get(move.string("move_type"));
    if (document != null && move.ref("partner_id") == null) {
      String role = move.string("move_type").startsWith("out_") ? "Customer" : "Vendor";
      problems.add("The field '" + role + "' is required, please complete it to validate the " + document + ".");
    }
    if (moves.env().store().children(moves.schema().field("line_ids").orElseThrow(), move.id()).isEmpty()) {
      problems.add("You need to add a line before posting.");
    }
    return problems;
  }

  /** {@code INV/2026/00005}: one more than the highest number of the journal and year. */
  private static String nextNumber(Model moves, Record move) {
    String prefix = prefix(moves, move);
    long highest = chain(moves, move.ref("journal_id"), prefix).max().orElse(0);
    return prefix + String.format(Locale.ROOT, "%05d", highest + 1);
  }

  private static String prefix(Model moves, Record move) {
    String code = moves.model("account.journal").record(move.ref("journal_id")).string("code");
    String date = move.string("date") != null ? move.string("date") : moves.env().today();
    return code + "/" + date.substring(0, 4) + "/";
  }

  private static LongStream chain(Model moves, Long journalId, String prefix) {
    return moves.env().store().table("account.move").all().stream()
        .filter(other -> journalId.equals(other.ref("journal_id")))
        .map(other -> SEQUENCE.matcher(other.string("name") == null ? "" : other.string("name")))
        .filter(matcher -> matcher.matches() && matcher.group(1).equals(prefix))
        .mapToLong(matcher -> Long.parseLong(matcher.group(2)));
  }

  private static OptionalLong sequenceNumber(Record move) {
    Matcher matcher = SEQUENCE.matcher(move.string("name") == null ? "" : move.string("name"));
    return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(2))) : OptionalLong.empty();
  }

  private static Object resetToDraft(Model moves, List<Long> ids, Arguments arguments) {
    for (Record move : moves.existing(ids)) {
      String state = move.string("state");
      if (!"posted".equals(state) && !"cancel".equals(state)) {
        throw OdooErrors.userError("Only posted/cancelled journal entries can be reset to draft.");
      }
      move.set("state", "draft");
    }
    return null;
  }

  private static Object cancel(Model moves, List<Long> ids, Arguments arguments) {
    for (Record move : moves.existing(ids)) {
      if ("posted".equals(move.string("state"))) {
        move.set("state", "draft");
      }
      if (!"draft".equals(move.string("state"))) {
        throw OdooErrors.userError("Only draft journal entries can be cancelled.");
      }
      move.set("state", "cancel");
    }
    return null;
  }

  /** Defaults of a new entry: its journal by document type, its accounting date. */
  private static final class MoveHooks implements ModelHooks {
    @Override
    public void prepareCreate(Model moves, JsonObject values) {
      String moveType = values.getValue("move_type") instanceof String type ? type : "entry";
      if (values.getValue("journal_id") == null) {
        String journalType = moveType.startsWith("out_") ? "sale" : moveType.startsWith("in_") ? "purchase" : "general";
        moves.model("account.journal")
            .search(new JsonArray().add(new JsonArray().add("type").add("=").add(journalType)), 0, 1, null)
            .stream().findFirst().ifPresent(journal -> values.put("journal_id", journal.id()));
      }
      if (values.getValue("date") == null) {
        Object invoiceDate = values.getValue("invoice_date");
        values.put("date", invoiceDate instanceof String date ? date : moves.env().today());
      }
    }

    @Override
    public void beforeUnlink(Model moves, List<Record> records) {
      for (Record move : records) {
        if ("posted".equals(move.string("state"))) {
          throw OdooErrors.userError("You cannot delete an item linked to a posted entry.");
        }
        if (breaksChain(moves, move)) {
          throw OdooErrors.userError("You cannot delete this entry, as it has already consumed a sequence number and"
              + " is not the last one in the chain. You should probably revert it instead.");
        }
      }
    }

    private static boolean breaksChain(Model moves, Record move) {
      OptionalLong number = sequenceNumber(move);
      if (number.isEmpty() || !moves.env().dialect().protectsSequenceChain() || moves.env().user().admin()) {
        return false;
      }
      long last = chain(moves, move.ref("journal_id"), prefix(moves, move)).max().orElse(0);
      return number.getAsLong() < last;
    }
  }

  /** Defaults of an invoice line from its product: label, price and the company's sales tax. */
  private static final class LineHooks implements ModelHooks {
    @Override
    public void prepareCreate(Model lines, JsonObject values) {
      if (!(values.getValue("product_id") instanceof Number productId)) {
        return;
      }
      Record product = lines.model("product.product").record(productId.longValue());
      Record move = lines.model("account.move").record(((Number) values.getValue("move_id")).longValue());
      boolean sale = move.string("move_type").startsWith("out_");
      values.put("name", values.getValue("name") != null ? values.getValue("name")
          : lines.model("product.product").displayName(product));
      if (values.getValue("price_unit") == null) {
        values.put("price_unit", product.number(sale ? "list_price" : "standard_price"));
      }
      if (values.getValue("tax_ids") == null && sale) {
        Long tax = lines.model("res.company").record(move.ref("company_id")).ref("account_sale_tax_id");
        values.put("tax_ids", tax == null ? new JsonArray() : new JsonArray().add(tax));
      }
    }
  }
}
