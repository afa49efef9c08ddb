import { SwitchboardError } from '@switchboard/core';
import type { Dispatcher } from 'undici';
import { mapNetworkError } from './map-network-error.js';
import { responseTooLargeError } from './response-too-large-error.js';

const kExchange = Symbol('outboundExchange');
const kOnData = Symbol('onData');
const kOnComplete = Symbol('onComplete');
const kOnError = Symbol('onError');

/** The legacy handler protocol undici 7's fetch uses, as decorated by the exchange. */
interface DecoratedHandler extends Dispatcher.DispatchHandler {
  [kExchange]: OutboundExchange;
  [kOnData]: (chunk: Buffer) => boolean;
  [kOnComplete]: (trailers: string[] | null) => void;
  [kOnError]: (error: Error) => void;
}

/**
 * One outbound request from call to last body byte: its timeout, its link to the caller's
 * signal, and its byte count against the size cap.
 *
 * It is handed to undici's `fetch` as the request's `dispatcher` and forwards to the shared
 * Agent, decorating fetch's dispatch handler on the way (`onData`, `onComplete`, `onError`).
 * That sees the raw body bytes and the end of the exchange without a second web stream or a
 * re-built Response — on Node 20 creating those costs more per request than the rest of the
 * adapter together.
 *
 * Every failure goes through `abort(reason)` on the signal fetch was given, because that is
 * the one path on which fetch delivers the reason itself: the `fetch()` promise rejects with
 * it, and a body being read errors with it. So callers see SwitchboardErrors, never
 * `TypeError('terminated')`.
 */
export class OutboundExchange {
  /** The signal to pass to fetch. */
  readonly signal: AbortSignal;
  /** This exchange as the undici Dispatcher fetch expects (it only calls `dispatch`). */
  readonly dispatcher: Dispatcher;
  /** True once fetch's handler was hooked, i.e. body bytes are counted and the end is seen. */
  hooked = false;

  readonly #agent: Dispatcher;
  readonly #host: string;
  readonly #maxBytes: number;
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #onCallerAbort: (() => void) | undefined;
  #received = 0;
  #done = false;
  #dispatching = false;

  constructor(agent: Dispatcher, host: string, timeoutMs: number, maxBytes: number, callerSignal: AbortSignal | undefined) {
    this.#agent = agent;
    this.#host = host;
    this.#maxBytes = maxBytes;
    this.signal = this.#controller.signal;
    // The Dispatcher type declares many methods; fetch calls only `dispatch` (undici 7).
    this.dispatcher = this as unknown as Dispatcher;
    this.#timer = setTimeout(abortOnTimeout, timeoutMs, this, host, timeoutMs);
    this.#callerSignal = callerSignal;
    if (callerSignal !== undefined) {
      this.#onCallerAbort = () => this.abort(callerSignal.reason);
      callerSignal.addEventListener('abort', this.#onCallerAbort, { once: true });
    }
  }

  /** The Dispatcher method undici's fetch calls: forwards to the Agent through the hook. */
  dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.#dispatching = true;
    try {
      return this.#agent.dispatch(options, this.#hook(handler));
    } finally {
      this.#dispatching = false;
    }
  }

  /** Ends the exchange with `reason`: fetch rejects with it, or the body errors with it. */
  abort(reason: unknown): void {
    if (this.#finish()) this.#controller.abort(reason);
  }

  /** Ends the exchange successfully (or after a failure reported elsewhere): stops the timer. */
  settle(): void {
    this.#finish();
  }

  /** Counts body bytes; false (and aborted) once the cap is exceeded. */
  accept(bytes: number): boolean {
    this.#received += bytes;
    if (this.#received <= this.#maxBytes) return true;
    this.abort(responseTooLargeError(this.#host, this.#maxBytes));
    return false;
  }

  /** A network failure reported by undici: abort with its mapped error, unless already ended. */
  fail(error: Error): void {
    // A dispatcher that refuses synchronously (closed Agent) reports the error from inside
    // fetch's own dispatch call, before fetch can take an abort (undici asserts). Then fetch
    // rejects with TypeError('fetch failed', { cause }), which the caller maps instead.
    if (this.#done || this.#dispatching) return;
    this.abort(mapNetworkError(error, this.#host));
  }

  /** Marks the exchange ended and releases its timer and caller listener; false if it already was. */
  #finish(): boolean {
    if (this.#done) return false;
    this.#done = true;
    clearTimeout(this.#timer);
    if (this.#onCallerAbort !== undefined) this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
    return true;
  }

  #hook(handler: Dispatcher.DispatchHandler): Dispatcher.DispatchHandler {
    const { onData, onComplete, onError } = handler;
    // Only the legacy protocol (what undici 7.x fetch uses) is decorated; anything else is
    // left alone and the caller falls back to counting on the body stream (`hooked` false).
    if (handler.onRequestStart !== undefined || !onData || !onComplete || !onError) return handler;
    // fetch builds a fresh handler per request, so decorating it in place is safe; it is
    // cheaper than a wrapper (Object.create would turn each handler into a V8 prototype).
    const decorated = handler as DecoratedHandler;
    decorated[kExchange] = this;
    decorated[kOnData] = onData;
    decorated[kOnComplete] = onComplete;
    decorated[kOnError] = onError;
    decorated.onData = decoratedOnData;
    decorated.onComplete = decoratedOnComplete;
    decorated.onError = decoratedOnError;
    this.hooked = true;
    return decorated;
  }
}

function abortOnTimeout(exchange: OutboundExchange, host: string, timeoutMs: number): void {
  exchange.abort(
    new SwitchboardError('upstream_timeout', `Upstream host "${host}" did not answer within ${timeoutMs} ms.`, {
      details: { host, timeoutMs },
    }),
  );
}

// undici calls these as methods of the handler, so `this` is fetch's handler and its own
// methods run with the `this` they expect.

function decoratedOnData(this: DecoratedHandler, chunk: Buffer): boolean {
  // After an abort fetch has already errored the body; the chunk is dropped.
  if (!this[kExchange].accept(chunk.length)) return false;
  return this[kOnData](chunk);
}

function decoratedOnComplete(this: DecoratedHandler, trailers: string[] | null): void {
  this[kExchange].settle();
  this[kOnComplete](trailers);
}

function decoratedOnError(this: DecoratedHandler, error: Error): void {
  this[kExchange].fail(error);
  this[kOnError](error);
}
