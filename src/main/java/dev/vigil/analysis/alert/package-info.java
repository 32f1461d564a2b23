/**
 * Alerts: the documented rules from findings, degradations, statuses and SLO burns to alert
 * causes with severities; an alert book that deduplicates, correlates tenant alerts under
 * platform alerts and protects against flapping; routing by owner; webhook notification with
 * Alertmanager- and Slack-compatible payloads. The book and rules are pure; the notifier talks
 * HTTP through vertx-web-client.
 */
package dev.vigil.analysis.alert;
