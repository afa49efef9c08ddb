/** Connectors at the versions a solution pins (or a release recorded), as `connector vN` lines. */
export function PinnedVersionList({ connectors }: { connectors: readonly { readonly connector: string; readonly version: number }[] }) {
  return (
    <ul className="subtle-list">
      {connectors.map((item) => (
        <li key={item.connector}>
          <code>
            {item.connector} v{item.version}
          </code>
        </li>
      ))}
    </ul>
  );
}
