import { randomUUID } from 'node:crypto';

/** A CRM contact; field names follow the Zoho-style API the demo imitates. */
export interface Contact {
  id: string;
  First_Name: string;
  Last_Name: string;
  Email_ID: string;
  Phone_Number?: string;
  Created_Time: string;
}

/** The fields a client supplies to create a contact. */
export type NewContact = Omit<Contact, 'id' | 'Created_Time'>;

/** Per-user contact lists, so one user's writes never show up for another. */
export interface ContactStore {
  list(owner: string): Contact[];
  get(owner: string, id: string): Contact | undefined;
  create(owner: string, input: NewContact): Contact;
}

/** Creates an empty store; each user's list is seeded with two contacts on first use. */
export function createContactStore(): ContactStore {
  const byOwner = new Map<string, Contact[]>();

  const contactsOf = (owner: string): Contact[] => {
    let contacts = byOwner.get(owner);
    if (contacts === undefined) {
      contacts = seedContacts();
      byOwner.set(owner, contacts);
    }
    return contacts;
  };

  return {
    list: (owner) => contactsOf(owner).map((contact) => ({ ...contact })),
    get(owner, id) {
      const contact = contactsOf(owner).find((candidate) => candidate.id === id);
      return contact === undefined ? undefined : { ...contact };
    },
    create(owner, input) {
      const contact: Contact = { id: randomUUID(), ...input, Created_Time: new Date().toISOString() };
      contactsOf(owner).push(contact);
      return { ...contact };
    },
  };
}

function seedContacts(): Contact[] {
  const now = new Date().toISOString();
  return [
    { id: randomUUID(), First_Name: 'Ada', Last_Name: 'Lovelace', Email_ID: 'ada@example.com', Phone_Number: '+44 20 7946 0001', Created_Time: now },
    { id: randomUUID(), First_Name: 'Grace', Last_Name: 'Hopper', Email_ID: 'grace@example.com', Created_Time: now },
  ];
}
