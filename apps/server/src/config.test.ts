import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, parseConfig, type ConfigSource, type ConfigVariable } from './config.js';

const validKey = Buffer.alloc(32, 1).toString('base64');
const otherKey = Buffer.alloc(32, 2).toString('base64');

/** Parses and returns the ConfigError's message; fails the test if parsing succeeds. */
function configError(source: ConfigSource): string {
  try {
    parseConfig(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(source)}`);
}

describe('parseConfig', () => {
  it('defaults: port 4400 on 127.0.0.1, ./.switchboard, SQLite, nothing allowed, info logs', () => {
    const config = parseConfig({});
    expect(config).toEqual({
      port: 4400,
      host: '127.0.0.1',
      publicUrl: undefined,
      dataDir: './.switchboard',
      databaseUrl: undefined,
      adminKey: undefined,
      encryptionKeys: undefined,
      allowPrivateNetwork: [],
      logLevel: 'info',
      eventRetentionDays: 30,
      authFailureLimit: 20,
      trustedProxies: [],
      production: false,
      staticRoots: { console: expect.stringMatching(/apps\/console\/dist$/), sdk: expect.stringMatching(/packages\/sdk\/dist$/), widgets: expect.stringMatching(/apps\/server\/public\/widgets$/) },
      functions: { maxTimeoutMs: 30_000, maxMemoryMb: 256, workers: 2 },
      limits: expect.objectContaining({ outboundTimeoutMs: expect.any(Number), maxRequestBytes: expect.any(Number) }),
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.limits)).toBe(true);
    expect(config.limits.tokenRequestTimeoutMs).toBeLessThan(config.limits.outboundTimeoutMs);
  });

  it('an empty string counts as unset', () => {
    const empty = Object.fromEntries(configVariables.map((name) => [name, ''])) as ConfigSource;
    const config = parseConfig(empty);
    expect(config.port).toBe(4400);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe('./.switchboard');
    expect(config.publicUrl).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(config.adminKey).toBeUndefined();
    expect(config.encryptionKeys).toBeUndefined();
    expect(config.allowPrivateNetwork).toEqual([]);
    expect(config.logLevel).toBe('info');
    expect(config.eventRetentionDays).toBe(30);
    expect(config.authFailureLimit).toBe(20);
    expect(config.trustedProxies).toEqual([]);
  });

  it('reads every variable', () => {
    const config = parseConfig({
      SWITCHBOARD_PORT: '8080',
      SWITCHBOARD_HOST: '0.0.0.0',
      SWITCHBOARD_PUBLIC_URL: 'https://switchboard.example.com',
      SWITCHBOARD_DATA_DIR: '/var/lib/switchboard',
      SWITCHBOARD_DATABASE_URL: 'postgres://user@db.internal:5432/switchboard',
      SWITCHBOARD_ADMIN_KEY: 'admin-key-that-is-long-enough',
      SWITCHBOARD_ENCRYPTION_KEY: `${validKey}, ${otherKey}`,
      SWITCHBOARD_ALLOW_PRIVATE_NETWORK: 'localhost, 127.0.0.1 ,10.0.0.0/8,::1,',
      SWITCHBOARD_LOG_LEVEL: 'debug',
      SWITCHBOARD_EVENT_RETENTION_DAYS: '7',
      SWITCHBOARD_AUTH_FAILURE_LIMIT: '5',
      SWITCHBOARD_TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.10 ,fd00::/8,',
      SWITCHBOARD_FUNCTION_MAX_TIMEOUT_MS: '5000',
      SWITCHBOARD_FUNCTION_MAX_MEMORY_MB: '128',
      SWITCHBOARD_FUNCTION_WORKERS: '4',
      SWITCHBOARD_CONSOLE_DIR: '/srv/switchboard-console',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      publicUrl: 'https://switchboard.example.com',
      dataDir: '/var/lib/switchboard',
      databaseUrl: 'postgres://user@db.internal:5432/switchboard',
      adminKey: 'admin-key-that-is-long-enough',
      encryptionKeys: [validKey, otherKey],
      allowPrivateNetwork: ['localhost', '127.0.0.1', '10.0.0.0/8', '::1'],
      logLevel: 'debug',
      eventRetentionDays: 7,
      authFailureLimit: 5,
      trustedProxies: ['10.0.0.0/8', '192.0.2.10', 'fd00::/8'],
      production: true,
      functions: { maxTimeoutMs: 5000, maxMemoryMb: 128, workers: 4 },
      staticRoots: expect.objectContaining({ console: '/srv/switchboard-console' }),
    });
    expect(parseConfig({ SWITCHBOARD_DATABASE_URL: 'postgresql://db/x' }).databaseUrl).toBe('postgresql://db/x');
    expect(parseConfig({ SWITCHBOARD_PORT: '0' }).port).toBe(0);
  });

  it('the public URL loses its trailing slashes (the redirect URL is <public url>/v1/oauth/callback)', () => {
    expect(parseConfig({ SWITCHBOARD_PUBLIC_URL: 'https://sb.example.com/' }).publicUrl).toBe('https://sb.example.com');
    expect(parseConfig({ SWITCHBOARD_PUBLIC_URL: 'https://sb.example.com//' }).publicUrl).toBe('https://sb.example.com');
    expect(parseConfig({ SWITCHBOARD_PUBLIC_URL: 'https://example.com/switchboard/' }).publicUrl).toBe('https://example.com/switchboard');
    expect(parseConfig({ SWITCHBOARD_PUBLIC_URL: 'http://127.0.0.1:4400' }).publicUrl).toBe('http://127.0.0.1:4400');
  });

  const badValues: Array<[ConfigVariable, string]> = [
    ['SWITCHBOARD_PORT', 'abc'],
    ['SWITCHBOARD_PORT', '-1'],
    ['SWITCHBOARD_PORT', '65536'],
    ['SWITCHBOARD_PORT', '80.5'],
    ['SWITCHBOARD_PORT', '1e3'],
    ['SWITCHBOARD_PUBLIC_URL', 'not a url'],
    ['SWITCHBOARD_PUBLIC_URL', 'ftp://example.com'],
    ['SWITCHBOARD_PUBLIC_URL', 'example.com'],
    ['SWITCHBOARD_PUBLIC_URL', 'https://example.com/?x=1'],
    ['SWITCHBOARD_PUBLIC_URL', 'https://example.com/#top'],
    ['SWITCHBOARD_PUBLIC_URL', 'https://user:pass@example.com'],
    ['SWITCHBOARD_DATABASE_URL', 'mysql://db/x'],
    ['SWITCHBOARD_DATABASE_URL', 'sqlite:./x.db'],
    ['SWITCHBOARD_ADMIN_KEY', 'short'],
    ['SWITCHBOARD_ENCRYPTION_KEY', 'not base64 at all!'],
    ['SWITCHBOARD_ENCRYPTION_KEY', Buffer.alloc(16, 1).toString('base64')],
    ['SWITCHBOARD_ENCRYPTION_KEY', Buffer.alloc(33, 1).toString('base64')],
    ['SWITCHBOARD_ENCRYPTION_KEY', `${validKey},short`],
    ['SWITCHBOARD_ALLOW_PRIVATE_NETWORK', '10.0.0.0/33'],
    ['SWITCHBOARD_ALLOW_PRIVATE_NETWORK', 'localhost,0x7f.1'],
    ['SWITCHBOARD_ALLOW_PRIVATE_NETWORK', '*.internal'],
    ['SWITCHBOARD_ALLOW_PRIVATE_NETWORK', 'http://localhost'],
    ['SWITCHBOARD_ALLOW_PRIVATE_NETWORK', 'not a host'],
    ['SWITCHBOARD_LOG_LEVEL', 'verbose'],
    ['SWITCHBOARD_EVENT_RETENTION_DAYS', '0'],
    ['SWITCHBOARD_EVENT_RETENTION_DAYS', '-1'],
    ['SWITCHBOARD_EVENT_RETENTION_DAYS', '1.5'],
    ['SWITCHBOARD_EVENT_RETENTION_DAYS', 'thirty'],
    ['SWITCHBOARD_AUTH_FAILURE_LIMIT', '0'],
    ['SWITCHBOARD_AUTH_FAILURE_LIMIT', '2.5'],
    ['SWITCHBOARD_AUTH_FAILURE_LIMIT', 'many'],
    ['SWITCHBOARD_TRUSTED_PROXIES', 'proxy.internal'],
    ['SWITCHBOARD_TRUSTED_PROXIES', '10.0.0.0/33'],
    ['SWITCHBOARD_TRUSTED_PROXIES', '10.1'],
  ];

  it.each(badValues)('%s=%j → a ConfigError naming the variable', (name, value) => {
    const message = configError({ [name]: value });
    expect(message).toContain(name);
    // Only that variable is named.
    for (const other of configVariables) if (other !== name && !name.startsWith(other)) expect(message).not.toContain(`${other}:`);
  });

  it('a bad secret is not echoed in the message', () => {
    expect(configError({ SWITCHBOARD_ADMIN_KEY: 'tooshort-secret' })).not.toContain('tooshort-secret');
    const badKey = Buffer.alloc(20, 9).toString('base64');
    expect(configError({ SWITCHBOARD_ENCRYPTION_KEY: badKey })).not.toContain(badKey);
  });

  it('every bad variable is named in one error', () => {
    const message = configError({ SWITCHBOARD_PORT: 'x', SWITCHBOARD_LOG_LEVEL: 'loud', SWITCHBOARD_DATABASE_URL: 'mysql://x' });
    expect(message).toContain('SWITCHBOARD_PORT');
    expect(message).toContain('SWITCHBOARD_LOG_LEVEL');
    expect(message).toContain('SWITCHBOARD_DATABASE_URL');
  });

  it('production without an encryption key → an error naming SWITCHBOARD_ENCRYPTION_KEY', () => {
    expect(configError({ NODE_ENV: 'production' })).toContain('SWITCHBOARD_ENCRYPTION_KEY');
    expect(configError({ NODE_ENV: 'production', SWITCHBOARD_ENCRYPTION_KEY: '' })).toContain('SWITCHBOARD_ENCRYPTION_KEY');
    expect(parseConfig({ NODE_ENV: 'production', SWITCHBOARD_ENCRYPTION_KEY: validKey }).production).toBe(true);
    // Outside production a key is generated into the data dir instead.
    expect(parseConfig({ NODE_ENV: 'development' }).encryptionKeys).toBeUndefined();
    expect(parseConfig({ NODE_ENV: 'test' }).production).toBe(false);
  });
});
