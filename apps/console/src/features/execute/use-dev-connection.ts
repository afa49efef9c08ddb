import { endpoints, type ConnectionView } from '@switchboard/contracts';
import { useCallback, useState } from 'react';
import { useApi } from '../../api/api-context.js';
import type { ApiError } from '../../api/api-error.js';
import { useApiQuery, type ApiQuery } from '../../api/use-api-query.js';
import { useToast } from '../../components/toast.js';
import { authorizeInPopup } from '../connections/authorize-in-popup.js';

/** The org a builder tests connectors with: it always uses the draft connectors. */
export const devOrg = 'dev';

/** Org `dev`'s connection to one connector, shared by the connection card and the Execute panel. */
export interface DevConnection {
  readonly query: ApiQuery<ConnectionView>;
  /** Open the consent popup. Call it synchronously in a click handler (else the popup is blocked). */
  readonly authorize: () => void;
  readonly authorizing: boolean;
  /** The last authorization's failure (popup closed, access denied…); cleared on the next attempt. */
  readonly authorizeError: ApiError | undefined;
}

/**
 * Loads org `dev`'s connection status for `connector` and authorizes it in a popup; the status
 * is reloaded when the popup reports back, so it updates without a page reload.
 */
export function useDevConnection(connector: string): DevConnection {
  const api = useApi();
  const toast = useToast();
  const query = useApiQuery((signal) => api.call(endpoints.getConnection, { params: { org: devOrg, connector }, signal }), [connector]);
  const [authorizing, setAuthorizing] = useState(false);
  const [authorizeError, setAuthorizeError] = useState<ApiError | undefined>(undefined);
  const { reload } = query;

  const authorize = useCallback(() => {
    setAuthorizing(true);
    setAuthorizeError(undefined);
    authorizeInPopup({ api, org: devOrg, connector }).then(
      () => {
        setAuthorizing(false);
        toast.show('Connector authorized for org dev', 'success');
        reload();
      },
      (error: ApiError) => {
        setAuthorizing(false);
        setAuthorizeError(error);
        // A failed callback may still have changed the status (e.g. needs re-authorization).
        reload();
      },
    );
  }, [api, connector, reload, toast]);

  return { query, authorize, authorizing, authorizeError };
}
