/**
 * The PostgreSQL history: the embedded server ({@link dev.vigil.store.postgres.EmbeddedPostgres}),
 * schema migrations, the idempotent batch writer, partitions and retention, and the history
 * queries, put together by {@link dev.vigil.store.postgres.PostgresStore}; and the analysis' findings
 * and alerts ({@link dev.vigil.store.postgres.PgAnalysisStore}).
 */
package dev.vigil.store.postgres;
