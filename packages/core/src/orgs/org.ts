/** A tenant. Org `dev` is the builder's own org and always exists. */
export interface Org {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
}

export const DEV_ORG_ID = 'dev';
