import { randomBytes } from 'node:crypto';
import type { DemoService } from '@switchboard/demo';
import { ConfigError, parseConfig, startServer, type RunningServer } from '@switchboard/server';
import { printBanner } from '../print-banner.js';
import { parseStartFlags, startHelp } from './start-flags.js';

/** `switchboard start`: run the server (and the demo), print how to use it, stop cleanly on a signal. */
export async function runStart(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let options;
  try {
    options = parseStartFlags(argv, env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${startHelp}`);
    return 1;
  }
  if (options.help) {
    process.stdout.write(startHelp);
    return 0;
  }
  const source = { ...options.config };
  if (options.demo) {
    // The demo listens on loopback; outbound calls there are refused unless allowed.
    const allowed = (source.SWITCHBOARD_ALLOW_PRIVATE_NETWORK ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (!allowed.includes('127.0.0.1')) source.SWITCHBOARD_ALLOW_PRIVATE_NETWORK = [...allowed, '127.0.0.1'].join(',');
  }
  let config;
  try {
    config = parseConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }

  let server: RunningServer | undefined;
  let demo: DemoService | undefined;
  const stop = async () => {
    await Promise.allSettled([server?.close(), demo?.close()]);
  };
  try {
    server = await startServer({ config });
    let demoInfo;
    if (options.demo) {
      const client = { clientId: 'switchboard-demo', clientSecret: randomBytes(24).toString('base64url') };
      // Loaded only when wanted: oidc-provider is heavy and warns about Node 20 at import time.
      const [{ startDemo }, { bootstrapDemo }] = await Promise.all([import('@switchboard/demo'), import('../demo/bootstrap-demo.js')]);
      demo = await startDemo({ port: options.demoPort, clients: [{ ...client, redirectUris: [server.redirectUrl] }] });
      demoInfo = { demo, ...(await bootstrapDemo(server, demo, client)) };
    }
    printBanner({ server, ...(demoInfo ? { demo: demoInfo } : {}) });
  } catch (error) {
    process.stderr.write(`switchboard: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    await stop();
    return 1;
  }

  await new Promise<void>((resolve) => {
    const onSignal = () => resolve();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  process.stdout.write('\nShutting down…\n');
  await stop();
  return 0;
}
