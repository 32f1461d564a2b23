/**
 * What differs between Odoo versions, one class per version ({@code Odoo16Dialect} and the
 * deltas {@code Odoo17Dialect}, {@code Odoo18Dialect}, {@code Odoo19Dialect}): server identity,
 * session cookies and session info, routing quirks, the ORM API surface, product-type and
 * stock-move field names, stock validation and return flows, and accounting rules. The rest of
 * the sandbox asks its {@link dev.vigil.sandbox.dialect.Dialect} instead of testing version
 * numbers.
 */
package dev.vigil.sandbox.dialect;
