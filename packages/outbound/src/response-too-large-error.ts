import { SwitchboardError } from '@switchboard/core';

/** The error of a response body over the size cap; names the host, never the URL. */
export function responseTooLargeError(host: string, maxBytes: number): SwitchboardError {
  return new SwitchboardError('upstream_response_too_large', `The response from "${host}" exceeded ${maxBytes} bytes.`, {
    details: { host, maxBytes },
  });
}
