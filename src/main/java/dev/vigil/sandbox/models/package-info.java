/**
 * The sandbox's Odoo databases: the models each installed module brings with their business
 * rules (one class per area: {@code BaseModels}, {@code AccountMoves}, {@code StockPickings},
 * {@code StockWizards}, {@code PurchaseOrders}), the generic ORM methods callable over RPC
 * ({@code OrmMethods}), access rules, demo data, and {@link dev.vigil.sandbox.models.ModelCalls},
 * which runs one {@code model.method(*args, **kwargs)} call as one transaction. Runs on the
 * sandbox's event-loop context only.
 */
package dev.vigil.sandbox.models;
