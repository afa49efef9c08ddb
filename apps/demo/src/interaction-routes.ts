import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { errors, type InteractionResults, type Provider } from 'oidc-provider';

import { describeScope } from './api-scopes.js';
import { renderConsentPage } from './consent-page.js';
import { authenticateUser } from './demo-users.js';
import { renderErrorPage } from './error-page.js';
import { renderLoginPage } from './login-page.js';

type InteractionContext = Context<{ Bindings: HttpBindings }>;
type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/**
 * The login and consent pages oidc-provider sends the browser to (`interactions.url`), as plain
 * HTML forms. Each handler loads the interaction from the provider's signed cookie and checks
 * it is the one named in the path, so a stale tab cannot act on a newer interaction.
 */
export function createInteractionRoutes(provider: Provider): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();

  app.get('/interaction/:uid', async (c) => {
    const interaction = await loadInteraction(provider, c);
    if (interaction.prompt.name === 'login') {
      return c.html(renderLoginPage({ action: `/interaction/${interaction.uid}/login`, clientName: await clientName(provider, interaction) }));
    }
    if (interaction.prompt.name === 'consent') {
      return c.html(await consentPage(provider, interaction));
    }
    return c.html(renderErrorPage('unsupported_prompt', `This demo cannot handle the "${interaction.prompt.name}" prompt.`), 400);
  });

  app.post('/interaction/:uid/login', async (c) => {
    const interaction = await loadInteraction(provider, c, 'login');
    const form = await c.req.parseBody();
    const username = typeof form.username === 'string' ? form.username : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const user = authenticateUser(username, password);
    if (!user) {
      // 200, not 401: this is a page for a person, who should see the form again.
      return c.html(renderLoginPage({
        action: `/interaction/${interaction.uid}/login`,
        clientName: await clientName(provider, interaction),
        username,
        error: 'Invalid username or password.',
      }));
    }
    return finish(provider, c, { login: { accountId: user.username } }, false);
  });

  app.post('/interaction/:uid/consent', async (c) => {
    const interaction = await loadInteraction(provider, c, 'consent');
    const form = await c.req.parseBody();
    if (form.decision !== 'allow') {
      return finish(provider, c, { error: 'access_denied', error_description: 'The user denied the request.' }, false);
    }
    const grantId = await saveGrant(provider, interaction);
    // A grantId is only handed back for a new grant; an existing one was updated in place.
    const consent = interaction.grantId === undefined ? { grantId } : {};
    return finish(provider, c, { consent }, true);
  });

  app.onError((error, c) => {
    if (error instanceof errors.OIDCProviderError) {
      return c.html(renderErrorPage(error.error, error.error_description), 400);
    }
    throw error;
  });

  return app;
}

async function loadInteraction(provider: Provider, c: InteractionContext, expectedPrompt?: string): Promise<Interaction> {
  const interaction = await provider.interactionDetails(c.env.incoming, c.env.outgoing);
  if (interaction.uid !== c.req.param('uid')) {
    throw new errors.SessionNotFound('this page belongs to another authorization request');
  }
  if (expectedPrompt !== undefined && interaction.prompt.name !== expectedPrompt) {
    throw new errors.InvalidRequest(`the authorization request is not waiting for ${expectedPrompt}`);
  }
  return interaction;
}

async function finish(provider: Provider, c: InteractionContext, result: InteractionResults, merge: boolean): Promise<Response> {
  // interactionResult (not interactionFinished) so Hono writes the response rather than the
  // provider writing to the raw socket behind Hono's back.
  const returnTo = await provider.interactionResult(c.env.incoming, c.env.outgoing, result, { mergeWithLastSubmission: merge });
  return c.redirect(returnTo, 303);
}

/** Grants exactly what the provider reported missing: OIDC scopes/claims and per-resource scopes. */
async function saveGrant(provider: Provider, interaction: Interaction): Promise<string> {
  const accountId = interaction.session?.accountId;
  const clientId = interaction.params.client_id;
  if (accountId === undefined || typeof clientId !== 'string') {
    throw new errors.InvalidRequest('no signed-in user for this authorization request');
  }
  const existing = interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId);
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const { details } = interaction.prompt;
  const missingOIDCScope = stringArray(details.missingOIDCScope);
  if (missingOIDCScope.length > 0) grant.addOIDCScope(missingOIDCScope);
  const missingOIDCClaims = stringArray(details.missingOIDCClaims);
  if (missingOIDCClaims.length > 0) grant.addOIDCClaims(missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(recordOfArrays(details.missingResourceScopes))) {
    grant.addResourceScope(resource, scopes);
  }
  return grant.save();
}

async function consentPage(provider: Provider, interaction: Interaction): Promise<string> {
  const { details } = interaction.prompt;
  const missing = [
    ...stringArray(details.missingOIDCScope),
    ...Object.values(recordOfArrays(details.missingResourceScopes)).flat(),
  ];
  // prompt=consent over an existing grant leaves nothing "missing"; show what is asked for.
  const requested = typeof interaction.params.scope === 'string' ? interaction.params.scope.split(' ') : [];
  const scopes = missing.length > 0 ? missing : requested;
  return renderConsentPage({
    action: `/interaction/${interaction.uid}/consent`,
    clientName: await clientName(provider, interaction),
    username: interaction.session?.accountId ?? 'unknown',
    permissions: [...new Set(scopes)].map(describeScope),
  });
}

async function clientName(provider: Provider, interaction: Interaction): Promise<string> {
  const clientId = interaction.params.client_id;
  if (typeof clientId !== 'string') return 'an application';
  const client = await provider.Client.find(clientId);
  return client?.clientName ?? clientId;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function recordOfArrays(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stringArray(item)]));
}
