/**
 * Loading and validation of the catalog: journey and tenant YAML files read into the immutable
 * {@link dev.vigil.domain.Catalog}, with every problem reported at once with its file, line, column
 * and field. Also owns journey templating ({@link dev.vigil.journey.Template},
 * {@link dev.vigil.journey.ValuePath}), condition parsing, the resolution of secret references,
 * and the reading of flat settings files ({@link dev.vigil.journey.SettingsFile}) with the same
 * rules.
 *
 * <p>Loading reads files and is blocking: it runs at start-up or on a worker thread, never on an
 * event loop.
 */
package dev.vigil.journey;
