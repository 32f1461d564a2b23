/** Wiring only: builds clients, registries and runners from configuration; no logic of its own. */
package dev.vigil.bootstrap;
