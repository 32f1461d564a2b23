package dev.vigil.sandbox.dialect;

import dev.vigil.sandbox.orm.OdooError;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Random;

/**
 * How one major version of Odoo behaves where versions differ, as recorded on real 16 and 18
 * servers (17 and 19 are inferred and say so in their class comments). Stateless and
 * thread-safe.
 */
public interface Dialect {

  /** The dialect of a major version: 16, 17, 18 or 19. */
  static Dialect of(int major) {
    return switch (major) {
      case 16 -> new Odoo16Dialect();
      case 17 -> new Odoo17Dialect();
      case 18 -> new Odoo18Dialect();
      case 19 -> new Odoo19Dialect();
      default -> throw new IllegalArgumentException("unsupported Odoo version " + major);
    };
  }

  int major();

  /** The {@code version_info} / {@code common.version} result. */
  JsonObject versionInfo();

  // --- sessions ---------------------------------------------------------------------------

  /** A new {@code session_id} value in this version's format. */
  String newSessionId(Random random);

  /** How far ahead the session cookie's {@code Expires} lies (its Max-Age is always 7 days). */
  Duration sessionCookieExpiry();

  /** Adds this version's own keys to the session info {@code authenticate} returns. */
  void addSessionInfo(JsonObject info, SessionUser user);

  // --- routing ----------------------------------------------------------------------------

  /** 16 answers a body that is not JSON with HTTP 400 "Invalid JSON data"; later with an RPC error. */
  boolean rejectsMalformedJsonWithHttp400();

  /** Whether {@code /web/dataset/search_read} still exists (16). */
  boolean servesLegacySearchRead();

  /** Whether {@code /json/2/<model>/<method>} exists (19). */
  boolean servesJson2();

  /** What {@code /web/dataset/call_kw} answers for a model that does not exist. */
  OdooError unknownModelOnCallKw(String model);

  // --- ORM API surface --------------------------------------------------------------------

  /** Whether {@code name_get} exists (removed in 17). */
  boolean hasNameGet();

  /** Whether {@code has_access} exists (new in 18). */
  boolean hasHasAccess();

  /** Whether {@code web_read} exists and {@code web_search_read} takes a {@code specification} (17+). */
  boolean usesWebSpecification();

  // --- products and stock -----------------------------------------------------------------

  ProductTypes productTypes();

  MoveQuantities moveQuantities();

  /** Whether the Receipts operation type has a default source location (17+). */
  boolean receiptsHaveDefaultSource();

  /** Whether {@code button_validate} with nothing done offers the immediate-transfer wizard (16). */
  boolean offersImmediateTransfer();

  /** The form view id in a wizard action for {@code wizardModel}. */
  int wizardViewId(String wizardModel);

  /** Whether {@code stock.return.picking} has a {@code location_id} field (16-17). */
  boolean returnWizardTakesLocation();

  /** The return wizard's method: {@code create_returns} (16-17) or {@code action_create_returns}. */
  String createReturnsMethod();

  /** The action the return wizard answers with, opening the new return picking. */
  JsonObject returnAction(long returnPickingId, long returnTypeId, Long partnerId, JsonObject context);

  // --- accounting -------------------------------------------------------------------------

  /** Whether {@code action_post} reports every problem in one message (18) or the first only. */
  boolean joinsPostingErrors();

  /**
   * Whether deleting an entry that consumed a sequence number but is not the last of its chain is
   * refused for users who are not billing administrators (17+; 16 let the recorded deletion pass).
   */
  boolean protectsSequenceChain();
}
