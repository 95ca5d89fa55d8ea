import { startApi } from './api';

/**
 * The API for production, over an existing Postgres whose migrations are applied
 * (`npm run team-migrate`). Put it behind a TLS reverse proxy; it listens on loopback by default.
 * DATABASE_URL: the team_authenticator login (never the owner). JWT_SECRET: 32+ random bytes.
 * HOST, PORT (default 127.0.0.1:5433); CORS_ORIGINS: web origins allowed beside extension origins, comma-separated.
 */
const databaseUrl = process.env.DATABASE_URL;
const jwtSecret = process.env.JWT_SECRET;
if (!databaseUrl || !jwtSecret || jwtSecret.length < 32) {
  console.error('team-api: set DATABASE_URL (the team_authenticator login) and JWT_SECRET (at least 32 characters)');
  process.exit(2);
}
const api = await startApi({
  databaseUrl,
  jwtSecret,
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 5433),
  origins: (process.env.CORS_ORIGINS ?? '').split(',').filter(Boolean),
});
console.log(`team-api: listening at ${api.url}`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => void api.close().then(() => process.exit(0)));
}
