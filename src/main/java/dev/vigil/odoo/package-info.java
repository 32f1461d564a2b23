/**
 * Talking to Odoo: a non-blocking client per tenant over session JSON-RPC, stateless
 * {@code /jsonrpc} or Odoo 19's {@code /json/2}, version detection, session reuse and recovery,
 * and the mapping of Odoo errors to typed {@link dev.vigil.odoo.OdooFault}s.
 */
package dev.vigil.odoo;
