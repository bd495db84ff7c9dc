/** `ParentReference` and the `spec.parentRefs` list shared by every route kind. */
import { group, kind, namespace, objectName, portNumber, sectionName } from './fields.js';
import { list, object, rule, type Rule, type Schema } from './primitives.js';

/** A reference to a parent (by default a Gateway) a route attaches to. Also used in route status. */
export function parentReference(): Schema {
  return object(
    {
      group: group('gateway.networking.k8s.io'),
      kind: kind('Gateway'),
      name: objectName(),
      namespace: namespace(),
      port: portNumber(),
      sectionName: sectionName(),
    },
    { required: ['name'] },
  );
}

/** `(!has(p.f) || p.f == zero)`: the field is unset or at its zero value. */
function blank(ref: string, field: string, zero: string): string {
  return `(!has(${ref}.${field}) || ${ref}.${field} == ${zero})`;
}

/**
 * Both refs leave `field` blank, or both set it to the same value. `inner` reproduces upstream's
 * irregular spacing inside the second alternative: the API server compares rules as strings, so a
 * stray space is part of the rule's identity.
 */
function sameOrBothBlank(field: string, zero: string, inner: { readonly lead?: string; readonly trail?: string } = {}): string {
  const bothBlank = `(${blank('p1', field, zero)} && ${blank('p2', field, zero)})`;
  const bothSame = `(${inner.lead ?? ''}has(p1.${field}) && has(p2.${field}) && p1.${field} == p2.${field}${inner.trail ?? ''})`;
  return `(${bothBlank} || ${bothSame})`;
}

/** CEL: p1 and p2 name the same parent object (group, kind, name, namespace). */
function sameParent(namespaceSpacing: { readonly trail?: string } = {}): string {
  return `p1.group == p2.group && p1.kind == p2.kind && p1.name == p2.name && ${sameOrBothBlank('__namespace__', "''", namespaceSpacing)}`;
}

/** Several references to one parent must each pick a distinct listener, by section name or port. */
function parentRefRules(): Rule[] {
  const specified =
    `self.all(p1, self.all(p2, ${sameParent()} ? ` +
    `(${blank('p1', 'sectionName', "''")} == ${blank('p2', 'sectionName', "''")} && ` +
    `${blank('p1', 'port', '0')} == ${blank('p2', 'port', '0')}): true))`;
  const unique =
    `self.all(p1, self.exists_one(p2, ${sameParent({ trail: ' ' })} && ` +
    `${sameOrBothBlank('sectionName', "''", { lead: ' ' })} && ${sameOrBothBlank('port', '0')}))`;
  return [
    rule('sectionName or port must be specified when parentRefs includes 2 or more references to the same parent', specified),
    rule('sectionName or port must be unique when parentRefs includes 2 or more references to the same parent', unique),
  ];
}

/** `spec.parentRefs`. */
export function parentRefs(): Schema {
  return list(parentReference(), { maxItems: 32, rules: parentRefRules() });
}
