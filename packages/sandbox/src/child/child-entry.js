// The entry of a sandbox worker process. The sources are TypeScript run through tsx (as in
// apps/cli/bin/switchboard.js), so the worker starts the same way under vitest and the server.
import { register } from 'tsx/esm/api';

register();
await import('./child-main.ts');
