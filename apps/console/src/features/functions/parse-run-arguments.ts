import type { ExecuteFunctionInput } from '@switchboard/contracts';

/** The outcome of reading the Run panel's arguments. */
export type ParsedArguments = { readonly ok: true; readonly args: ExecuteFunctionInput['args'] } | { readonly ok: false; readonly message: string };

/**
 * The Run panel's text as the `args` to send: JSON, or nothing (blank → `main` gets undefined).
 * A syntax error says where, in the words of the browser's JSON parser.
 */
export function parseRunArguments(text: string): ParsedArguments {
  if (text.trim() === '') return { ok: true, args: undefined };
  try {
    return { ok: true, args: JSON.parse(text) as ExecuteFunctionInput['args'] };
  } catch (error) {
    return { ok: false, message: `The arguments are not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
