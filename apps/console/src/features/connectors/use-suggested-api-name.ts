import { useSuggestedValue } from '../../components/use-suggested-value.js';
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
  const suggested = useSuggestedValue(suggestApiName);
  return { name: suggested.source, apiName: suggested.value, setName: suggested.setSource, setApiName: suggested.setValue, reset: suggested.reset };
}
