export { startDemo } from './start-demo.js';
export { completeConsentHeadlessly, type HeadlessConsentOptions } from './complete-consent-headlessly.js';
export { acmeApiDefinitions, acmeConnectorDefinition } from './switchboard-connector.js';
export type { DemoClient, DemoOptions } from './demo-options.js';
export type { DemoService, DemoStats, IntrospectionResult, UploadedFileRecord } from './demo-service.js';
export type { EchoResponse } from './echo-route.js';
export type { Contact } from './contact-store.js';
export { acmeLogoDataUrl, acmeLogoSvg } from './acme-logo.js';
