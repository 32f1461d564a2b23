/**
 * The sandbox's HTTP face: the routes of an Odoo server ({@code /web/health},
 * {@code /web/webclient/version_info}, {@code /web/session/*}, {@code /web/dataset/call_kw},
 * {@code /jsonrpc}, {@code /json/2}) with their payloads, error shapes, cookies and status codes as
 * recorded, sessions, accounts, and the {@link dev.vigil.sandbox.server.OdooServer} that holds a
 * server's databases and capacity model. Every request goes through the capacity model; handlers
 * run on the sandbox verticle's event loop and never block it.
 */
package dev.vigil.sandbox.server;
