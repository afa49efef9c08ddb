/**
 * The bench only ever talks to servers it started itself on 127.0.0.1; a load generator
 * pointed anywhere else would be an accident (or an attack on someone), so refuse it.
 */
export function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error(`bench: refusing to send load to ${hostname}; only 127.0.0.1 is allowed`);
}
