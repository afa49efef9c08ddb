import { isRouteErrorResponse, useRouteError } from 'react-router';
import { toApiError } from '../api/api-error.js';
import { ButtonLink } from '../components/button.js';
import { ErrorState } from '../components/error-state.js';
import { PageHeader } from '../components/page-header.js';

/** A path no route matches (inside the shell, so the nav stays). */
export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>There is no page at this address.</p>
      <ButtonLink to="/">Go to the home page</ButtonLink>
    </>
  );
}

/** A page that threw while rendering: say so instead of a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  const apiError = isRouteErrorResponse(error)
    ? toApiError(new Error(`${error.status} ${error.statusText}`))
    : toApiError(error);
  return (
    <div className="center-page">
      <main className="card sign-in" id="main">
        <h1>Something went wrong</h1>
        <ErrorState error={apiError} />
        <ButtonLink to="/">Go to the home page</ButtonLink>
      </main>
    </div>
  );
}
