/**
 * Why a resource is not meshed, as data (upstream `pkg/inject/report.go`): a stable code, the message
 * upstream prints, and whether the CLI refuses the whole input (exit 1) or passes the object through.
 */
import { INJECT_ANNOTATION, INJECT_DISABLED } from '../k8s/labels.js';

export type InjectReasonCode =
  | 'host_network_enabled'
  | 'sidecar_already_exists'
  | 'unsupported_resource'
  | 'injection_disable_annotation_present'
  | 'disabled_automount_service_account_token_account';

export interface InjectReason {
  readonly code: InjectReasonCode;
  /** Upstream's wording, used in `failed to inject <kind>/<name>: <message>`. */
  readonly message: string;
  /**
   * True when upstream's CLI fails the whole run for it (`ThrowInjectError`); false when the object
   * is only skipped and passes through unchanged.
   */
  readonly refuses: boolean;
}

export const INJECT_REASONS: Readonly<Record<InjectReasonCode, InjectReason>> = {
  host_network_enabled: { code: 'host_network_enabled', message: 'hostNetwork is enabled', refuses: true },
  sidecar_already_exists: { code: 'sidecar_already_exists', message: 'pod has a sidecar injected already', refuses: true },
  unsupported_resource: { code: 'unsupported_resource', message: 'this resource kind is unsupported', refuses: false },
  injection_disable_annotation_present: {
    code: 'injection_disable_annotation_present',
    message: `pod has the annotation "${INJECT_ANNOTATION}:${INJECT_DISABLED}"`,
    refuses: false,
  },
  disabled_automount_service_account_token_account: {
    code: 'disabled_automount_service_account_token_account',
    message: 'automountServiceAccountToken set to "false", with Values.identity.serviceAccountTokenProjection set to "false"',
    refuses: true,
  },
};

/** Upstream's order of refusal messages in `failed to inject ...` (ThrowInjectError). */
export const REFUSAL_ORDER: readonly InjectReasonCode[] = [
  'disabled_automount_service_account_token_account',
  'host_network_enabled',
  'sidecar_already_exists',
];

/** A warning that does not stop injection. */
export type InjectWarningCode = 'udp_ports_enabled';
export const INJECT_WARNINGS: Readonly<Record<InjectWarningCode, string>> = {
  udp_ports_enabled: 'UDP port(s) configured on pod spec',
};
