/**
 * Vigil's vocabulary as immutable values: tenants, journeys and their steps, runs and their
 * outcomes. Depends on nothing but the JDK; every other package speaks in these types.
 */
package dev.vigil.domain;
