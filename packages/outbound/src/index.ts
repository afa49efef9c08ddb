export { createOutbound, type Outbound, type OutboundOptions } from './create-outbound.js';
export { parseAllowList } from './parse-allow-list.js';
export { compileAllowList, type AllowList, type CidrRange } from './compile-allow-list.js';
export { classifyAddress, type AddressClassification, type AddressRange, type IpAddress } from './classify-address.js';
export { isAllowedAddress } from './is-allowed-address.js';
export type { OutboundLookup } from './guarded-lookup.js';
