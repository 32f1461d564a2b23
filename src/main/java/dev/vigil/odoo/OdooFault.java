package dev.vigil.odoo;

import dev.vigil.domain.ErrorClass;

/**
 * A failed Odoo call: what Odoo said (its exception name and message) and how Vigil classes it.
 * The message is the server's own, prefixed with the model and method; it never holds secrets.
 */
public class OdooFault extends RuntimeException {
  private final ErrorClass errorClass;
  private final String odooName;
  private final int httpStatus;

  /**
   * @param odooName {@code error.data.name} (e.g. {@code odoo.exceptions.UserError}), or a
   *     transport description such as {@code http 502} / {@code connection refused}
   * @param httpStatus the HTTP status, 0 when no response came
   */
  public OdooFault(ErrorClass errorClass, String odooName, String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.errorClass = errorClass;
    this.odooName = odooName;
    this.httpStatus = httpStatus;
  }

  public ErrorClass errorClass() {
    return errorClass;
  }

  public String odooName() {
    return odooName;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
