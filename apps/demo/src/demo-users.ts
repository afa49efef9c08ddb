/** A person who can sign in to Acme CRM. The username doubles as the OAuth `sub`. */
export interface DemoUser {
  username: string;
  password: string;
  name: string;
  email: string;
}

/** The fixed demo accounts; plain-text passwords are fine because they are published on purpose. */
export const DEMO_USERS: readonly DemoUser[] = Object.freeze([
  { username: 'alice', password: 'wonderland', name: 'Alice Liddell', email: 'alice@acme.example' },
  { username: 'bob', password: 'builder', name: 'Bob Builder', email: 'bob@acme.example' },
]);

/** Looks a user up by username and password; undefined when either is wrong. */
export function authenticateUser(username: string, password: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.username === username && user.password === password);
}

/** Looks a user up by username (the account id oidc-provider stores in grants and tokens). */
export function findUser(username: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.username === username);
}
