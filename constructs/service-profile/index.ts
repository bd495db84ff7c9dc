export * from './service-profile.js';
// The props' types, so `meshform` users need not reach into `meshform/model`.
export type {
  ProfileRoute,
  RequestMatch,
  ResponseClass,
  ResponseMatch,
  RetryBudget,
  ServiceProfileObject,
  ServiceProfileSpec,
  StatusRange,
  WeightedDestination,
} from '../../lib/service-profile/types.js';
