import { runStart } from './commands/start-command.js';

const usage = `Usage: switchboard <command> [options]

Commands:
  start     Run the Switchboard server (and, unless --no-demo, the bundled Acme CRM demo service)
  help      Show this help

Run 'switchboard start --help' for the options of start.`;

/** CLI entry: returns the process exit code. `env` is read here and nowhere else in this app. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return runStart(rest, env);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${usage}\n`);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`Unknown command '${command}'.\n\n${usage}\n`);
      return 1;
  }
}
