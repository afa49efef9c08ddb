// undici types bodies with node:stream/web rather than the DOM lib; at runtime it is the same
// global ReadableStream class.
import { ReadableStream, type ReadableStreamReadResult } from 'node:stream/web';
import { Response } from 'undici';
import { mapFetchError } from './map-fetch-error.js';
import { responseTooLargeError } from './response-too-large-error.js';

/**
 * Returns `response` with a body that errors with `upstream_response_too_large` once more than
 * `maxBytes` have been read, and whose read errors are mapped like fetch errors.
 *
 * Used where counting raw bytes in the dispatch hook is not enough: a content-encoded body is
 * counted after decoding, as the caller receives it, or a small gzip bomb would get through.
 *
 * @param onSettled called when the body is finished, failed or cancelled (at once if there is
 *   no body); must tolerate being called more than once.
 */
export function capResponseBody(
  response: Response,
  maxBytes: number,
  host: string,
  callerSignal: AbortSignal | undefined,
  onSettled: () => void,
): Response {
  const source = response.body;
  if (source === null) {
    onSettled();
    return response;
  }

  const reader = source.getReader();
  let received = 0;

  const capped = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          onSettled();
          throw mapFetchError(error, host, callerSignal);
        }
        if (chunk.done) {
          onSettled();
          controller.close();
          return;
        }
        received += chunk.value.byteLength;
        if (received > maxBytes) {
          onSettled();
          const error = responseTooLargeError(host, maxBytes);
          reader.cancel(error).catch(ignore);
          controller.error(error);
          return;
        }
        controller.enqueue(chunk.value);
      },
      cancel(reason) {
        onSettled();
        return reader.cancel(reason);
      },
    },
    // Pull only when the caller reads: no read-ahead beyond undici's own socket buffering.
    { highWaterMark: 0 },
  );

  // A new Response is the only public way to swap the body; status and headers carry over.
  // (`url`, `redirected` and `type` do not — callers know the URL they asked for.)
  return new Response(capped, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function ignore(): void {}
