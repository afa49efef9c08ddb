/**
 * A suggestion for the next release's version: the latest's next minor (`1.2.3` → `1.3.0`,
 * `2.0.0-rc.1` → `2.1.0`), or `1.0.0` for the first. Only a suggestion: the server decides what
 * is greater (semver order) and answers 409 version_not_increasing otherwise.
 */
export function nextReleaseVersion(latest: string | undefined): string {
  if (latest === undefined) return '1.0.0';
  const match = /^(\d+)\.(\d+)\.\d+/.exec(latest);
  if (!match) return '';
  return `${match[1]}.${Number(match[2]) + 1}.0`;
}
