import { useEffect, useId, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { SignOutButton } from '../auth/sign-out-button.js';
import { useSignedIn } from '../auth/session-context.js';
import type { ConsoleSession } from '../auth/console-session.js';

interface NavItem {
  readonly to: string;
  readonly label: string;
}

/** The nav of each kind of user; add a page's entry here when it deserves one. */
export function navItemsOf(session: ConsoleSession): readonly NavItem[] {
  return session.kind === 'admin'
    ? [
        { to: '/connectors', label: 'Connectors' },
        { to: '/solutions', label: 'Solutions' },
        { to: '/orgs', label: 'Orgs' },
        { to: '/webhooks', label: 'Webhooks' },
        { to: '/events', label: 'Events' },
      ]
    : [
        { to: '/setup/connectors', label: 'Setup › Connectors' },
        { to: '/setup/installations', label: 'Installations' },
        { to: '/setup/events', label: 'Events' },
      ];
}

/** The frame of every signed-in page: skip link, top bar with nav and who is signed in, then the page. */
export function AppShell() {
  const session = useSignedIn();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  // A followed link closes the phone menu.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              ⇄
            </span>
            Switchboard
          </span>
          <button type="button" className="menu-button btn btn-ghost" aria-expanded={menuOpen} aria-controls={navId} onClick={() => setMenuOpen((open) => !open)}>
            Menu
          </button>
          <div className={menuOpen ? 'topbar-menu topbar-menu-open' : 'topbar-menu'} id={navId}>
            <nav aria-label="Main">
              <ul className="nav-list">
                {navItemsOf(session).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} className="nav-link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="who">
              <span className="who-label">
                {session.kind === 'admin' ? (
                  <>
                    <strong>Builder</strong> · admin key
                  </>
                ) : (
                  <>
                    <strong>{session.orgName ?? session.org}</strong> · org admin
                  </>
                )}
              </span>
              <SignOutButton />
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
