import { parseArgs } from 'node:util';
import type { ConfigSource, ConfigVariable } from '@switchboard/server';

/** Each flag of `switchboard start` and the environment variable it overrides. */
export const startFlags = {
  port: 'SWITCHBOARD_PORT',
  host: 'SWITCHBOARD_HOST',
  'public-url': 'SWITCHBOARD_PUBLIC_URL',
  'data-dir': 'SWITCHBOARD_DATA_DIR',
  'database-url': 'SWITCHBOARD_DATABASE_URL',
  'admin-key': 'SWITCHBOARD_ADMIN_KEY',
  'encryption-key': 'SWITCHBOARD_ENCRYPTION_KEY',
  'allow-private-network': 'SWITCHBOARD_ALLOW_PRIVATE_NETWORK',
  'log-level': 'SWITCHBOARD_LOG_LEVEL',
  'event-retention-days': 'SWITCHBOARD_EVENT_RETENTION_DAYS',
  'auth-failure-limit': 'SWITCHBOARD_AUTH_FAILURE_LIMIT',
  'trusted-proxies': 'SWITCHBOARD_TRUSTED_PROXIES',
  'function-max-timeout-ms': 'SWITCHBOARD_FUNCTION_MAX_TIMEOUT_MS',
  'function-max-memory-mb': 'SWITCHBOARD_FUNCTION_MAX_MEMORY_MB',
  'function-workers': 'SWITCHBOARD_FUNCTION_WORKERS',
  'console-dir': 'SWITCHBOARD_CONSOLE_DIR',
} as const satisfies Record<string, ConfigVariable>;

export const startHelp = `Usage: switchboard start [options]

Every option can also be set by its environment variable; a flag wins.

  --port <n>                      SWITCHBOARD_PORT (default 4400)
  --host <addr>                   SWITCHBOARD_HOST (default 127.0.0.1)
  --public-url <url>              SWITCHBOARD_PUBLIC_URL (default http://<host>:<port>)
  --data-dir <dir>                SWITCHBOARD_DATA_DIR (default ./.switchboard)
  --database-url <postgres://…>   SWITCHBOARD_DATABASE_URL (default: SQLite in the data dir)
  --admin-key <key>               SWITCHBOARD_ADMIN_KEY (default: generated into the data dir)
  --encryption-key <base64>       SWITCHBOARD_ENCRYPTION_KEY (required when NODE_ENV=production)
  --allow-private-network <list>  SWITCHBOARD_ALLOW_PRIVATE_NETWORK (hosts/CIDRs, comma-separated)
  --log-level <level>             SWITCHBOARD_LOG_LEVEL (debug|info|warn|error|silent; default info)
  --event-retention-days <n>      SWITCHBOARD_EVENT_RETENTION_DAYS (audit events kept; default 30)
  --auth-failure-limit <n>        SWITCHBOARD_AUTH_FAILURE_LIMIT (failed authentications per address a minute; default 20)
  --trusted-proxies <list>        SWITCHBOARD_TRUSTED_PROXIES (reverse-proxy IPs/CIDRs whose X-Forwarded-For is believed; default none)
  --function-max-timeout-ms <n>   SWITCHBOARD_FUNCTION_MAX_TIMEOUT_MS (most a function may ask for; default 30000)
  --function-max-memory-mb <n>    SWITCHBOARD_FUNCTION_MAX_MEMORY_MB (most heap a function may ask for; default 256)
  --function-workers <n>          SWITCHBOARD_FUNCTION_WORKERS (sandbox worker processes; default 2)
  --console-dir <dir>             SWITCHBOARD_CONSOLE_DIR (the web console's build; default apps/console/dist)
  --no-demo                       do not run the bundled Acme CRM demo service
  --demo-port <n>                 port of the demo service (default 4401)
  -h, --help                      show this help
`;

export interface StartOptions {
  readonly config: ConfigSource;
  readonly demo: boolean;
  readonly demoPort: number;
  readonly help: boolean;
}

/** Merge flags over the environment into the server's configuration source. */
export function parseStartFlags(argv: readonly string[], env: NodeJS.ProcessEnv): StartOptions {
  const options = Object.fromEntries(Object.keys(startFlags).map((flag) => [flag, { type: 'string' as const }]));
  const { values } = parseArgs({
    args: [...argv],
    options: { ...options, 'no-demo': { type: 'boolean' }, 'demo-port': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  const config: ConfigSource = {};
  for (const name of ['NODE_ENV', ...Object.values(startFlags)] as ConfigVariable[]) config[name] = env[name];
  for (const [flag, variable] of Object.entries(startFlags)) {
    const value = (values as Record<string, string | boolean | undefined>)[flag];
    if (typeof value === 'string') config[variable] = value;
  }
  const demoPort = Number(values['demo-port'] ?? '4401');
  if (!Number.isInteger(demoPort) || demoPort < 0 || demoPort > 65535) throw new Error('--demo-port must be a port number');
  return { config, demo: values['no-demo'] !== true, demoPort, help: values.help === true };
}
