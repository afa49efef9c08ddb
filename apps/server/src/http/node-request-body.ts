import { IncomingMessage } from 'node:http';
import { SwitchboardError } from '@switchboard/core';
import type { Context } from 'hono';

/**
 * The Node request behind a Hono context when the app runs on @hono/node-server (its adaptor
 * passes `{ incoming, outgoing }` as the env), or undefined (e.g. under `app.request()`).
 */
export function nodeIncoming(c: Context): IncomingMessage | undefined {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  return env.incoming instanceof IncomingMessage ? env.incoming : undefined;
}

export const payloadTooLarge = (maxBytes: number): SwitchboardError =>
  new SwitchboardError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`);

/**
 * Reads a request body straight from the Node request, failing with `payload_too_large` as soon
 * as more than `maxBytes` have arrived (whatever Content-Length said, and with none).
 *
 * Why not `Request.body`: under @hono/node-server the web Request and its body are built lazily,
 * and building them (a Request, an AbortController and two web ReadableStreams over the socket
 * stream) costs more per request than reading a small JSON body. The cap and the failure modes
 * are the same. What is left unread after a refusal is drained (or the socket closed) by
 * @hono/node-server once the response is sent.
 */
export function readNodeRequestBody(incoming: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (incoming.readableEnded || incoming.destroyed) return Promise.reject(new TypeError('The request body was already read.'));
  return new Promise<Buffer>((resolve, reject) => new BodyReader(incoming, maxBytes, resolve, reject).start());
}

/**
 * The listeners of one body read. A class with bound methods rather than closures: the sources
 * run through tsx, whose `keepNames` gives every named closure a `defineProperty` call each time
 * it is created, i.e. per request here.
 */
class BodyReader {
  readonly #incoming: IncomingMessage;
  readonly #maxBytes: number;
  readonly #resolve: (body: Buffer) => void;
  readonly #reject: (error: unknown) => void;
  readonly #chunks: Buffer[] = [];
  #size = 0;

  constructor(incoming: IncomingMessage, maxBytes: number, resolve: (body: Buffer) => void, reject: (error: unknown) => void) {
    this.#incoming = incoming;
    this.#maxBytes = maxBytes;
    this.#resolve = resolve;
    this.#reject = reject;
    // Bound once, so `off` removes exactly what `on` added.
    this.onData = this.onData.bind(this);
    this.onEnd = this.onEnd.bind(this);
    this.onError = this.onError.bind(this);
    this.onClose = this.onClose.bind(this);
  }

  start(): void {
    this.#incoming.on('data', this.onData);
    this.#incoming.on('end', this.onEnd);
    this.#incoming.on('error', this.onError);
    this.#incoming.on('close', this.onClose);
  }

  private stop(): void {
    this.#incoming.off('data', this.onData);
    this.#incoming.off('end', this.onEnd);
    this.#incoming.off('error', this.onError);
    this.#incoming.off('close', this.onClose);
  }

  private onData(chunk: Buffer): void {
    this.#size += chunk.byteLength;
    if (this.#size > this.#maxBytes) {
      this.stop();
      this.#reject(payloadTooLarge(this.#maxBytes));
      return;
    }
    this.#chunks.push(chunk);
  }

  private onEnd(): void {
    this.stop();
    this.#resolve(this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks, this.#size));
  }

  private onError(error: Error): void {
    this.stop();
    this.#reject(error);
  }

  /** A client that goes away mid-body: 'close' without 'end'. */
  private onClose(): void {
    this.stop();
    this.#reject(new Error('The client closed the connection before the request body was complete.'));
  }
}
