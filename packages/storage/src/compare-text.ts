/** Code-point order, the same on every platform (unlike localeCompare or a database collation). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
