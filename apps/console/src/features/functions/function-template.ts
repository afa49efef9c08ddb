/** The source a new function starts with: the shape the sandbox expects, and how to call a connector. */
export const functionTemplate = `// Runs in a sandbox for one org. args: the JSON you pass; context: {org, solution, function, trigger, executionId}.
export async function main(args, context) {
  console.log('running for', context.org);
  // Call a connector API with the org's connection:
  // const created = await invokeConnector('acme.createcontact', { First_Name: args.first });
  return { ok: true };
}
`;
