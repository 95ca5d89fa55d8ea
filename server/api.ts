import http from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';

export interface ApiOptions {
  /** Connection string of the team_authenticator role (never the owner: row-level security must apply). */
  databaseUrl: string;
  jwtSecret: string;
  host: string;
  port: number;
  /** Any origin may call (tests, local development); otherwise only extension origins and `origins`. */
  anyOrigin?: boolean;
  origins?: string[];
}

/** A batch of ~2,000 clauses is a few megabytes of JSON; the default limit (100 kB) refuses it. */
export const BODY_SIZE_LIMIT = '25MB';

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[\w-]+$/;

/** PostGraphile 4, unmodified, over the team_api schema; JWTs become database roles and claims. */
export function teamApiHandler(pool: pg.Pool, jwtSecret: string) {
  return postgraphile(pool, 'team_api', {
    jwtSecret,
    jwtPgTypeIdentifier: 'team_api.jwt_token',
    pgDefaultRole: 'team_anonymous',
    dynamicJson: true,
    graphileBuildOptions: { pgStrictFunctions: true },
    disableDefaultMutations: true,
    ignoreRBAC: false,
    bodySizeLimit: BODY_SIZE_LIMIT,
    extendedErrors: ['hint', 'detail', 'errcode'],
    disableQueryLog: true,
    graphiql: false,
    enableCors: false,
    setofFunctionsContainNulls: false,
  });
}

/** CORS answered before PostGraphile: extension origins (and any in tests) may send a bearer token. */
function allowOrigin(req: http.IncomingMessage, res: http.ServerResponse, options: ApiOptions): void {
  const origin = req.headers.origin;
  if (!origin) return;
  if (!options.anyOrigin && !EXTENSION_ORIGIN.test(origin) && !options.origins?.includes(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
  res.setHeader('Access-Control-Max-Age', '600');
}

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export async function startApi(options: ApiOptions): Promise<RunningApi> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  const handler = teamApiHandler(pool, options.jwtSecret);
  const server = http.createServer((req, res) => {
    allowOrigin(req, res, options);
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://${options.host}:${port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
