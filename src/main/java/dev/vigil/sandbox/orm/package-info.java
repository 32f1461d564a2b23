/**
 * The sandbox's in-memory ORM core, free of version and business rules: model schemas and
 * fields, records and tables, Odoo domains and orders, value coercion and rendering, and the
 * Python exceptions Odoo answers with ({@link dev.vigil.sandbox.orm.OdooError}). Plain classes,
 * not thread-safe: the sandbox touches them from its one event-loop context only.
 */
package dev.vigil.sandbox.orm;
