export { gatewayApiCrds, type GatewayApiSelection } from './bundle.js';
export { GATEWAY_API_BUNDLE_VERSION } from '../../versions.js';
