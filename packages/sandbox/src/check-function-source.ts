import { parse, type Node, type Program } from 'acorn';

export type FunctionSourceCheck = { ok: true } | { ok: false; message: string; line: number; column: number };

const mainRequired = 'The module must export a function named main: export async function main(args, context) { … }';

/**
 * Checks a function's source without running it: it must parse as an ES2022 module (the form the
 * sandbox compiles), import nothing (the sandbox resolves no modules) and export `main`. Lines and
 * columns are 1-based. Runs in the server process: it only parses.
 */
export function checkFunctionSource(source: string): FunctionSourceCheck {
  let program: Program;
  try {
    program = parse(source, { ecmaVersion: 2022, sourceType: 'module', locations: true });
  } catch (error) {
    if (error instanceof SyntaxError) {
      const loc = (error as SyntaxError & { loc?: { line: number; column: number } }).loc;
      // acorn appends " (line:column)" to its message; the location is reported separately.
      const message = error.message.replace(/ \(\d+:\d+\)$/, '');
      return { ok: false, message, line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 };
    }
    throw error;
  }
  let exportsMain = false;
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') return refuse(statement, 'Functions cannot import modules');
    if (statement.type === 'ExportAllDeclaration') return refuse(statement, 'Functions cannot re-export modules');
    if (statement.type === 'ExportNamedDeclaration') {
      if (statement.source) return refuse(statement, 'Functions cannot re-export modules');
      const declaration = statement.declaration;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id.name === 'main') exportsMain = true;
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.id.name === 'main') exportsMain = true;
        }
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported;
        if ((exported.type === 'Identifier' ? exported.name : exported.value) === 'main') exportsMain = true;
      }
    }
  }
  return exportsMain ? { ok: true } : { ok: false, message: mainRequired, line: 1, column: 1 };
}

function refuse(node: Node, message: string): FunctionSourceCheck {
  return { ok: false, message, line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
}
