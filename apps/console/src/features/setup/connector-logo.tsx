import { useState } from 'react';
import './setup.css';

/**
 * A connector's logo, or its initial on a tinted square when it has none (or the image fails).
 * Decorative: the connector's name is always written next to it.
 */
export function ConnectorLogo({ name, logoUrl }: { name: string; logoUrl: string | null }) {
  const [failed, setFailed] = useState(false);
  if (logoUrl && !failed) return <img className="connector-logo" src={logoUrl} alt="" width={48} height={48} onError={() => setFailed(true)} />;
  return (
    <span className="connector-logo connector-logo-placeholder" aria-hidden="true">
      {(name.trim()[0] ?? '?').toUpperCase()}
    </span>
  );
}
