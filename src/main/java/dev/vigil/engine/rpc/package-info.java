/** Step executors that talk to Odoo through the tenant's {@link dev.vigil.odoo.OdooClient}. */
package dev.vigil.engine.rpc;
