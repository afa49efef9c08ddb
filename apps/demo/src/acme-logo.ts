/** Acme CRM's logo: a plain SVG (shapes only), as builders publish it with the connector. */
export const acmeLogoSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">' +
  '<rect width="64" height="64" rx="14" fill="#0f766e"/>' +
  '<path d="M32 12 L52 52 H42 L38 43 H26 L22 52 H12 Z M29 35 H35 L32 27 Z" fill="#ffffff"/>' +
  '</svg>';

/** The publish body's `logo` form: a data URL (RFC 2397). */
export const acmeLogoDataUrl = `data:image/svg+xml;base64,${Buffer.from(acmeLogoSvg, 'utf8').toString('base64')}`;
