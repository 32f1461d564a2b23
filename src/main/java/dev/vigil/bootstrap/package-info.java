/**
 * Wiring: reads the run configuration ({@link dev.vigil.bootstrap.RunConfigLoader}), builds
 * clients, registries, runners and verticles from it, and keeps the catalog and its secrets
 * current on reload. No monitoring logic of its own.
 */
package dev.vigil.bootstrap;
