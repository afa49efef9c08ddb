import { useState } from 'react';

/** A source text (a name) and a value suggested from it (an id), as a create form holds them. */
export interface SuggestedValue {
  readonly source: string;
  readonly value: string;
  /** Set the source; the value follows it until someone types one. */
  readonly setSource: (source: string) => void;
  /** Set the value by hand: from then on it no longer follows the source. */
  readonly setValue: (value: string) => void;
  /** Start again (a dialog opening); `typed` keeps the value from following the source (e.g. a fixed id when editing). */
  readonly reset: (source: string, value: string, typed: boolean) => void;
}

/**
 * A value suggested from another as it is typed ("Acme Customer Inc." → acme-customer-inc),
 * until the person types their own. `suggest` turns the source into the value.
 */
export function useSuggestedValue(suggest: (source: string) => string): SuggestedValue {
  const [source, setSourceState] = useState('');
  const [value, setValueState] = useState('');
  const [typed, setTyped] = useState(false);
  return {
    source,
    value,
    setSource: (next) => {
      setSourceState(next);
      if (!typed) setValueState(suggest(next));
    },
    setValue: (next) => {
      setTyped(true);
      setValueState(next);
    },
    reset: (nextSource, nextValue, nextTyped) => {
      setSourceState(nextSource);
      setValueState(nextValue);
      setTyped(nextTyped);
    },
  };
}
