// The Switchboard SDK sample widget: plain browser JavaScript, no build step. It uses the global
// build (`/sdk/switchboard.global.js`, `window.Switchboard`) against the demo connector `acme`.
// Served by Switchboard itself, so Switchboard's origin is this page's origin.
(() => {
  'use strict';

  const CONNECTOR = 'acme';
  /** sessionStorage: the tab's own storage, gone when the tab closes (never localStorage, never the URL). */
  const STORAGE_KEY = 'switchboard-sample:session';
  /** The quick start's subscriber org: the curl help's example until a token names one. */
  const EXAMPLE_ORG = 'acme-customer';
  const baseUrl = window.location.origin;
  const $ = (id) => document.getElementById(id);

  /** @type {ReturnType<typeof Switchboard.init> | null} */
  let client = null;
  let connected = false;

  const ui = {
    sessionForm: $('session-form'),
    token: $('session-token'),
    forget: $('forget'),
    sessionState: $('session-state'),
    mintCommand: $('mint-command'),
    status: $('connection-status'),
    connect: $('connect'),
    refresh: $('refresh'),
    disconnect: $('disconnect'),
    listContacts: $('list-contacts'),
    contacts: $('contacts'),
    contactForm: $('contact-form'),
    createContact: $('create-contact'),
    uploadForm: $('upload-form'),
    file: $('file'),
    note: $('note'),
    upload: $('upload'),
    uploadResult: $('upload-result'),
    error: $('error'),
    activity: $('activity'),
  };

  const statusLabels = {
    authorized: 'Connected',
    not_authorized: 'Not connected',
    needs_reauthorization: 'Needs to be connected again',
  };

  function announce(text) {
    ui.activity.textContent = text;
  }

  function clearError() {
    ui.error.hidden = true;
    ui.error.textContent = '';
  }

  /** Shows an error; a SwitchboardError with its stable code and HTTP status. */
  function showError(error) {
    const isSdkError = error instanceof Switchboard.SwitchboardError;
    const heading = document.createElement('strong');
    heading.textContent = isSdkError ? `${error.name}: ${error.code}${error.status ? ` (HTTP ${error.status})` : ''}` : 'Error';
    const message = document.createElement('span');
    message.textContent = ` ${error instanceof Error ? error.message : String(error)}`;
    ui.error.replaceChildren(heading, message);
    ui.error.dataset.code = isSdkError ? error.code : '';
    ui.error.hidden = false;
    // The message sits above the cards: bring it into view from wherever the button was.
    ui.error.scrollIntoView({ block: 'nearest' });
    if (isSdkError && (error.code === 'not_authorized' || error.code === 'needs_reauthorization')) showStatus(error.code);
  }

  function showStatus(status) {
    connected = status === 'authorized';
    ui.status.dataset.status = status;
    ui.status.textContent = `Status: ${statusLabels[status] ?? status}`;
    render();
  }

  /** Enables what makes sense now: nothing without a session, data calls only when connected. */
  function render() {
    const hasSession = client !== null;
    // A button whose call is still running stays disabled, whatever another call's end renders.
    const enable = (button, usable) => {
      button.disabled = !usable || button.getAttribute('aria-busy') === 'true';
    };
    enable(ui.forget, hasSession);
    enable(ui.connect, hasSession);
    enable(ui.refresh, hasSession);
    enable(ui.disconnect, hasSession && connected);
    enable(ui.listContacts, hasSession && connected);
    enable(ui.createContact, hasSession && connected);
    enable(ui.upload, hasSession && connected);
    ui.connect.textContent = connected ? 'Reconnect Acme CRM' : 'Connect Acme CRM';
  }

  /** Runs one SDK call with the button marked busy; errors are shown, never thrown. */
  async function run(button, label, work) {
    clearError();
    button.setAttribute('aria-busy', 'true');
    button.disabled = true;
    const pending = `${label}…`;
    announce(pending);
    try {
      await work();
      // Work that announced nothing of its own leaves no stale "…" behind.
      if (ui.activity.textContent === pending) announce('');
    } catch (error) {
      announce('');
      showError(error);
    } finally {
      button.removeAttribute('aria-busy');
      render();
    }
  }

  /** The SDK reads the org from the token itself (`sbs_<org>.<id>.<secret>`): no org to ask for. */
  function useSession(token) {
    client = Switchboard.init({ baseUrl, sessionToken: token });
    ui.sessionState.textContent = `Session token set for org ${client.org}.`;
    showMintCommand();
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token }));
    } catch {
      // Storage may be off (private mode): the token then lives in memory only.
    }
  }

  async function refreshStatus() {
    const asked = client;
    if (asked === null) return; // the token was forgotten while a call was running
    const connection = await asked.getConnection(CONNECTOR);
    // An answer for a session forgotten (or replaced) meanwhile is no longer this page's status.
    if (asked === client) showStatus(connection.status);
  }

  function renderContacts(contacts) {
    const items = contacts.map((contact) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = `${contact.First_Name} ${contact.Last_Name}`;
      const email = document.createElement('span');
      email.className = 'muted';
      email.textContent = contact.Email_ID;
      item.append(name, email);
      return item;
    });
    ui.contacts.replaceChildren(...items);
  }

  /** The upstream's own error text from a non-2xx invoke result. */
  function upstreamError(result) {
    const body = result.body;
    const detail = body && typeof body === 'object' && typeof body.error_description === 'string' ? body.error_description : '';
    return new Error(`Acme CRM answered ${result.status}${detail ? `: ${detail}` : ''}`);
  }

  async function listContacts() {
    const result = await client.invokeAPI(`${CONNECTOR}.listcontacts`);
    if (result.status !== 200) throw upstreamError(result);
    renderContacts(result.body.contacts);
    announce(`${result.body.contacts.length} contacts.`);
  }

  /** The help text's command, for the session's org (or the quick start's). */
  function showMintCommand() {
    const org = encodeURIComponent(client ? client.org : EXAMPLE_ORG);
    ui.mintCommand.textContent = [
      `curl -s -X POST ${baseUrl}/v1/orgs/${org}/sessions \\`,
      '  -H "Authorization: Bearer $ORG_KEY" -H "Content-Type: application/json" \\',
      `  -d '{"allowedOrigins": ["${baseUrl}"], "connectors": ["${CONNECTOR}"]}'`,
    ].join('\n');
  }

  ui.sessionForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearError();
    const token = ui.token.value.trim();
    if (token === '') {
      showError(new Error('Enter a session token.'));
      return;
    }
    try {
      useSession(token);
    } catch (error) {
      showError(error);
      return;
    }
    // The token leaves the field once it is in use: no one reads it off the screen later.
    ui.token.value = '';
    void run(ui.refresh, 'Reading the connection status', refreshStatus);
  });

  ui.forget.addEventListener('click', () => {
    client = null;
    connected = false;
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing stored
    }
    ui.sessionState.textContent = 'No session token yet.';
    showMintCommand();
    ui.status.dataset.status = 'unknown';
    ui.status.textContent = 'Status: unknown';
    ui.contacts.replaceChildren();
    clearError();
    render();
  });

  ui.connect.addEventListener('click', () => {
    clearError();
    // authorize() opens the consent window synchronously, inside this click: nothing is awaited first.
    const authorizing = client.authorize(CONNECTOR);
    void run(ui.connect, 'Waiting for you to connect Acme CRM in the popup', async () => {
      await authorizing;
      await refreshStatus();
      announce('Acme CRM is connected.');
    });
  });

  ui.refresh.addEventListener('click', () => void run(ui.refresh, 'Reading the connection status', refreshStatus));

  ui.disconnect.addEventListener('click', () =>
    void run(ui.disconnect, 'Disconnecting', async () => {
      await client.revokeConnector(CONNECTOR);
      ui.contacts.replaceChildren();
      await refreshStatus();
      announce('Acme CRM is disconnected.');
    }),
  );

  ui.listContacts.addEventListener('click', () => void run(ui.listContacts, 'Loading contacts', listContacts));

  ui.contactForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!ui.contactForm.reportValidity()) return;
    void run(ui.createContact, 'Creating the contact', async () => {
      const result = await client.invokeAPI(`${CONNECTOR}.createcontact`, {
        First_Name: $('first-name').value.trim(),
        Last_Name: $('last-name').value.trim(),
        Email_ID: $('email').value.trim(),
        Phone_Number: $('phone').value.trim(),
      });
      if (result.status !== 201) throw upstreamError(result);
      ui.contactForm.reset();
      await listContacts();
      announce(`Created ${result.body.First_Name} ${result.body.Last_Name}.`);
    });
  });

  ui.uploadForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = ui.file.files && ui.file.files[0];
    if (!file) {
      showError(new Error('Choose a file first.'));
      return;
    }
    const note = ui.note.value.trim();
    void run(ui.upload, `Uploading ${file.name}`, async () => {
      // The File object itself: the SDK sends it as multipart/form-data, bytes as they are.
      const result = await client.invokeAPI(`${CONNECTOR}.uploadfile`, {
        CONTENT_TYPE: 'multipart',
        PARTS: note ? [{ name: 'note', value: note }] : [],
        FILE: file,
      });
      if (result.status !== 201) throw upstreamError(result);
      ui.uploadResult.textContent = `Uploaded ${result.body.filename} (${result.body.size} bytes, SHA-256 ${result.body.sha256}).`;
      ui.uploadResult.dataset.sha256 = result.body.sha256;
      announce(`Uploaded ${result.body.filename}.`);
    });
  });

  // A session kept by this tab before a reload.
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (saved && typeof saved.token === 'string') {
      useSession(saved.token);
      void run(ui.refresh, 'Reading the connection status', refreshStatus);
    }
  } catch {
    // A stored value that is no session token (or storage that is off): start without one.
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage is off: nothing was stored
    }
  }
  showMintCommand();
  render();
})();
