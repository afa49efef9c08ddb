/** Where the store lives. Parsed and validated by the app's config; this package trusts it. */
export type StorageConfig =
  | {
      readonly kind: 'sqlite';
      /** A file path, or `:memory:` for a private throwaway database. */
      readonly file: string;
    }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      /** Schema holding every table, created if missing; default `public`. Lowercase identifier. */
      readonly schema?: string;
      /** Connections in the pool; default 10. */
      readonly poolSize?: number;
    };
