import { useState } from 'react';
import { suggestApiName } from './connector-form-values.js';

/** A name and the API name suggested from it, as a create form holds them. */
export interface SuggestedApiName {
  readonly name: string;
  readonly apiName: string;
  /** Set the name; the API name follows it until someone types one. */
  readonly setName: (name: string) => void;
  /** Set the API name by hand: from then on it no longer follows the name. */
  readonly setApiName: (apiName: string) => void;
  /** Start again (a dialog opening); `typed` keeps the API name as is (it cannot change when editing). */
  readonly reset: (name: string, apiName: string, typed: boolean) => void;
}

/** The name → API name suggestion ("Acme CRM" → acme_crm) shared by the create dialogs. */
export function useSuggestedApiName(): SuggestedApiName {
  const [name, setNameState] = useState('');
  const [apiName, setApiNameState] = useState('');
  const [typed, setTyped] = useState(false);
  return {
    name,
    apiName,
    setName: (next) => {
      setNameState(next);
      if (!typed) setApiNameState(suggestApiName(next));
    },
    setApiName: (next) => {
      setTyped(true);
      setApiNameState(next);
    },
    reset: (nextName, nextApiName, nextTyped) => {
      setNameState(nextName);
      setApiNameState(nextApiName);
      setTyped(nextTyped);
    },
  };
}
