package dev.vigil.domain;

/** The Odoo user a tenant's journeys log in as, and where its password or API key is kept. */
public record Credentials(String login, SecretRef secret) {}
