/**
 * The script that prepares a fresh context before the user's module runs. Its completion value is
 * a factory; the host calls it with the log callback, the invoke reference and the JSON of args
 * and context, and gets back `run(namespace)`, which calls `main` and answers with one string:
 * `R<json of the result>` or `E<json of {name, message, stack}>`.
 *
 * Everything the guest can reach lives inside this isolate; the only ways out are `log` (a sync
 * callback taking two strings) and `invokeReference` (strings in, a JSON string out), and the host
 * validates both. Builtins are captured here, before user code runs, so a guest that rewrites
 * `JSON` or `Object.prototype` only corrupts its own run.
 */
export const guestRuntimeFileName = 'sandbox-runtime.js';

export const guestRuntime = String.raw`(function (log, invokeReference, argsJson, contextJson) {
  'use strict';
  const G = globalThis;
  const { stringify, parse } = JSON;
  const { freeze, isFrozen, keys, defineProperty } = Object;
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const StringCtor = String;

  // Not needed by functions, and a way around the wall clock: a SharedArrayBuffer (also from a
  // shared WebAssembly.Memory) lets Atomics.wait block the isolate's thread.
  delete G.SharedArrayBuffer;
  delete G.Atomics;
  delete G.WebAssembly;

  const deepFreeze = (value) => {
    if (value !== null && typeof value === 'object' && !isFrozen(value)) {
      freeze(value);
      for (const key of keys(value)) deepFreeze(value[key]);
    }
    return value;
  };

  const text = (value) => {
    try {
      if (typeof value === 'string') return value;
      if (value instanceof ErrorCtor) return StringCtor(value);
      const json = stringify(value);
      return json === undefined ? StringCtor(value) : json;
    } catch {
      try { return StringCtor(value); } catch { return '[unprintable]'; }
    }
  };

  const logger = (level) => function (...values) {
    let message = '';
    for (let index = 0; index < values.length; index += 1) message += (index === 0 ? '' : ' ') + text(values[index]);
    log(level, message);
  };
  const consoleObject = freeze({ log: logger('log'), info: logger('info'), warn: logger('warn'), error: logger('error') });
  defineProperty(G, 'console', { value: consoleObject, writable: true, configurable: true, enumerable: false });

  const invokeConnector = async function invokeConnector(target, data) {
    if (typeof target !== 'string') {
      throw new TypeErrorCtor('invokeConnector(target, data): target must be a string such as "acme.createcontact"');
    }
    let dataJson;
    try {
      dataJson = stringify(data === undefined ? {} : data);
    } catch {
      throw new TypeErrorCtor('invokeConnector(target, data): data must be JSON-serializable');
    }
    const reply = parse(await invokeReference.apply(undefined, [target, dataJson], { result: { promise: true } }));
    if (reply.ok) return parse(reply.valueJson);
    const error = new ErrorCtor(reply.message);
    if (typeof reply.code === 'string') error.code = reply.code;
    throw error;
  };
  defineProperty(G, 'invokeConnector', { value: invokeConnector, writable: true, configurable: true, enumerable: false });

  const args = parse(argsJson);
  const context = deepFreeze(parse(contextJson));

  const describe = (thrown) => {
    try {
      if (thrown instanceof ErrorCtor) {
        return { name: StringCtor(thrown.name), message: StringCtor(thrown.message), stack: StringCtor(thrown.stack) };
      }
    } catch {}
    return { name: 'Error', message: 'Uncaught ' + text(thrown), stack: '' };
  };

  return async function run(namespace) {
    const main = namespace.main;
    if (typeof main !== 'function') {
      return 'E' + stringify({ name: 'TypeError', message: 'The module must export a function named main', stack: '' });
    }
    let value;
    try {
      value = await main(args, context);
    } catch (thrown) {
      return 'E' + stringify(describe(thrown));
    }
    let json;
    try {
      json = stringify(value);
    } catch (thrown) {
      return 'E' + stringify({ name: 'TypeError', message: 'The result of main must be JSON-serializable: ' + describe(thrown).message, stack: '' });
    }
    return 'R' + (json === undefined ? 'null' : json);
  };
})`;
