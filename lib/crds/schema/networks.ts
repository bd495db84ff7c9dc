/** IP networks: a CIDR with exceptions, as NetworkAuthentication, ServerAuthorization and EgressNetwork use. */
import { arr, obj, str, type Schema } from './primitives.js';

/** One network: `cidr` and the sub-ranges `except`ed from it. */
export function network(): Schema {
  return obj({ cidr: str(), except: arr(str()) }, ['cidr']);
}

/** A list of networks. */
export function networks(): Schema {
  return arr(network());
}
