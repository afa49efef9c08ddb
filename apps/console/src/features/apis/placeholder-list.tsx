/** The placeholders an API declares, as chips: variables the caller supplies, connection fields Switchboard fills. */
export function PlaceholderList({ variables, connectionFields }: { variables: readonly string[]; connectionFields: readonly string[] }) {
  if (variables.length === 0 && connectionFields.length === 0) {
    return (
      <p className="muted placeholder-none">
        No placeholders yet. Write <code>{'${name}'}</code> in the URL, a header or query value, or the body template; the caller supplies its value when
        invoking.
      </p>
    );
  }
  return (
    <div className="placeholder-groups">
      {variables.length > 0 && (
        <div>
          <p className="placeholder-group-label">Variables the caller supplies</p>
          <ul className="placeholder-chips" aria-label="Variables the caller supplies">
            {variables.map((name) => (
              <li key={name}>
                <code className="placeholder">{name}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {connectionFields.length > 0 && (
        <div>
          <p className="placeholder-group-label">Filled from the connection</p>
          <ul className="placeholder-chips" aria-label="Filled from the connection">
            {connectionFields.map((name) => (
              <li key={name}>
                <code className="placeholder placeholder-connection">connection.{name}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
