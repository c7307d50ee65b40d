// Kysely's migrator asks the dialect's introspector whether its own tables exist. PostgreSQL's stock introspector reads
// the columns of every table in every schema of the database and calls pg_get_serial_sequence for each: slow in a
// database shared with other applications, and a schema another session drops meanwhile fails the whole query
// ("schema … does not exist"), so start-up could fail for a reason that is not ours. The store's migrations only need
// the store's own schema: this dialect's introspector reads that schema's tables from pg_catalog and calls nothing per row.
import { PostgresDialect, sql, type DatabaseIntrospector, type Kysely, type PostgresDialectConfig, type SchemaMetadata, type TableMetadata } from 'kysely';

/** A PostgresDialect whose introspector sees only the tables of `schema` (without their columns: the migrator needs names). */
export class SchemaScopedPostgresDialect extends PostgresDialect {
  readonly #schema: string;

  constructor(config: PostgresDialectConfig, schema: string) {
    super(config);
    this.#schema = schema;
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    const schema = this.#schema;
    return {
      getSchemas: async (): Promise<SchemaMetadata[]> => {
        const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
        return rows.map((r) => ({ name: r.name }));
      },
      getTables: async (): Promise<TableMetadata[]> => {
        const { rows } = await sql<{ name: string; kind: string }>`
          select c.relname as name, c.relkind as kind from pg_catalog.pg_class c
          join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
          where ns.nspname = ${schema} and c.relkind in ('r', 'v', 'p', 'f')`.execute(db);
        return rows.map((r) => ({ name: r.name, schema, isView: r.kind === 'v', isForeign: r.kind === 'f', columns: [] }));
      },
    };
  }
}
