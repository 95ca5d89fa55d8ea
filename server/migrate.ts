import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import pg from 'pg';

/** The SQL migrations, applied in the order of their number (`NNN_name.sql`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Applies the migrations this database has not had yet, each in its own transaction, and records
 * them in team_meta.migrations. Run it as the database's owner (it creates roles, schemas and pgcrypto).
 */
export async function migrate(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`create schema if not exists team_meta;
      create table if not exists team_meta.migrations (name text primary key, applied_at timestamptz not null default now())`);
    const done = new Set((await client.query<{ name: string }>('select name from team_meta.migrations')).rows.map((r) => r.name));
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f)).sort();
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query('insert into team_meta.migrations (name) values ($1)', [file]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`Migration ${file} failed (nothing of it was applied): ${(error as Error).message}`);
      }
      applied.push(file);
    }
    return applied;
  } finally {
    await client.end();
  }
}

// `npm run team-migrate -- postgres://owner@host/db`: production set-up on an existing Postgres.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) {
    console.error('Usage: npm run team-migrate -- postgres://OWNER:PASSWORD@HOST:PORT/DATABASE (or DATABASE_URL)');
    process.exit(2);
  }
  migrate(url).then(
    (applied) => console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Nothing to apply: the database is up to date'),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
