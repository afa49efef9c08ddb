/** The file name user code compiles under; stack frames naming it are the user's own. */
export const userFileName = 'function.js';

const maxMessageLength = 4_096;
const maxFrames = 50;

const userFrame = /^\s*at .*\bfunction\.js:\d+:\d+\)?$/;

/** Caps a guest-provided message so an error cannot smuggle megabytes into a problem. */
export function capMessage(message: string): string {
  return message.length > maxMessageLength ? `${message.slice(0, maxMessageLength)}…` : message;
}

/**
 * Reduces a V8 stack to the header `Name: message` and the frames in user code, with line:column
 * (`at main (function.js:3:9)`); frames of the sandbox runtime and the host are dropped.
 */
export function userStack(name: string, message: string, stack: string): string {
  const frames = stack
    .split('\n')
    .filter((line) => userFrame.test(line))
    .slice(0, maxFrames)
    .map((line) => `    ${line.trim()}`);
  return [`${name}: ${capMessage(message)}`, ...frames].join('\n');
}

/**
 * isolated-vm reports a compile error as `Unexpected token ';' [function.js:2:11]`; this splits
 * off the location so the message reads like V8's and the stack names the place.
 */
export function compileErrorLocation(message: string): { message: string; line: number; column: number } | undefined {
  const match = /^(.*) \[function\.js:(\d+):(\d+)\]$/s.exec(message);
  if (match === null) return undefined;
  return { message: match[1] ?? message, line: Number(match[2]), column: Number(match[3]) };
}
