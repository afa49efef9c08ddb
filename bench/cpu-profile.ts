import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

/** Self time of one function in a CPU profile. */
export interface ProfileEntry {
  readonly name: string;
  /** Repository-relative file (or `node_modules/<package>/…`, or a `node:` internal) and line. */
  readonly where: string;
  readonly selfPercent: number;
}

export interface ProfileSummary {
  readonly file: string;
  readonly topFunctions: readonly ProfileEntry[];
  /**
   * Self time grouped by package (`node_modules/<pkg>`, `packages/<x>`, `apps/<x>`, `node:`);
   * native frames (e.g. better-sqlite3's `Statement`) count for the module that called them.
   */
  readonly byModule: ReadonlyArray<{ readonly module: string; readonly selfPercent: number }>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Samples this process's CPU (the server under test: the upstream and the load generator run
 * in other processes) until `stop`, then writes the .cpuprofile (open it in Chrome DevTools) and
 * summarises self time. Sampling costs throughput: figures of a profiled run are not the bench's.
 */
export async function startCpuProfile(): Promise<{ stop(file: URL): Promise<ProfileSummary> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      writeFileSync(file, JSON.stringify(profile));
      return summarize(profile.nodes as ProfileNode[], fileURLToPath(file));
    },
  };
}

function summarize(nodes: ProfileNode[], file: string): ProfileSummary {
  const total = nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1;
  const parentOf = new Map<number, ProfileNode>();
  for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  // A native frame has no URL: charge it to the nearest JavaScript caller's module.
  const owningPath = (node: ProfileNode): string => {
    for (let at: ProfileNode | undefined = node; at; at = parentOf.get(at.id)) {
      if (at.callFrame.url) return shortPath(at.callFrame.url);
    }
    return '';
  };
  const isSpecial = (name: string, url: string): boolean => !url && name.startsWith('(');
  const nativeCaller = (node: ProfileNode): string => {
    if (isSpecial(node.callFrame.functionName, node.callFrame.url)) return '';
    const caller = owningPath(node);
    return caller ? `native, called from ${caller}` : 'native';
  };
  const byFunction = new Map<string, { name: string; where: string; hits: number }>();
  const byModule = new Map<string, number>();
  for (const node of nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const path = shortPath(url);
    const name = functionName || (url ? '(anonymous)' : `(${describeSpecial(functionName, url)})`);
    // tsx-compiled modules report line 0 for most functions: show a line only when it is known.
    const where = path && lineNumber > 0 ? `${path}:${lineNumber + 1}` : path || nativeCaller(node);
    const key = `${name}@${where}`;
    const entry = byFunction.get(key) ?? { name, where, hits: 0 };
    entry.hits += hits;
    byFunction.set(key, entry);
    const module = isSpecial(name, url) ? name : moduleOf(owningPath(node), name);
    byModule.set(module, (byModule.get(module) ?? 0) + hits);
  }
  const percent = (hits: number): number => Number(((hits * 100) / total).toFixed(1));
  return {
    file,
    topFunctions: [...byFunction.values()].sort((a, b) => b.hits - a.hits).slice(0, 25).map((e) => ({ name: e.name, where: e.where, selfPercent: percent(e.hits) })),
    byModule: [...byModule.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([module, hits]) => ({ module, selfPercent: percent(hits) })),
  };
}

function describeSpecial(functionName: string, url: string): string {
  return functionName || url || 'native';
}

function shortPath(url: string): string {
  if (!url) return '';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith(root) ? path.slice(root.length) : path;
}

function moduleOf(path: string, name: string): string {
  if (!path) return name.startsWith('(') ? name : '(native)';
  if (path.startsWith('node:')) return 'node: internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return `node_modules/${pkg[1]}`;
  const workspace = /^(packages|apps)\/([^/]+)/.exec(path);
  if (workspace) return `${workspace[1]}/${workspace[2]}`;
  return path;
}
