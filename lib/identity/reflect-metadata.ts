/**
 * The few `Reflect` metadata functions that @peculiar/x509's dependency tsyringe checks for at load
 * time (it throws "tsyringe requires a reflect polyfill" otherwise). @peculiar/x509 only registers
 * argument-less classes, so a small WeakMap store suffices and spares a dependency; an existing
 * polyfill (reflect-metadata, core-js) is left alone.
 *
 * Import this module for its side effect *before* `@peculiar/x509` (ES modules evaluate imports in
 * order): `import './reflect-metadata.js'; import * as x509 from '@peculiar/x509';`.
 */

type MetadataTarget = object;
type MetadataMap = Map<unknown, unknown>;

interface ReflectMetadataApi {
  getMetadata?: (key: unknown, target: MetadataTarget, property?: PropertyKey) => unknown;
  getOwnMetadata?: (key: unknown, target: MetadataTarget, property?: PropertyKey) => unknown;
  defineMetadata?: (key: unknown, value: unknown, target: MetadataTarget, property?: PropertyKey) => void;
  metadata?: (key: unknown, value: unknown) => (target: MetadataTarget, property?: PropertyKey) => void;
}

const reflect = Reflect as unknown as ReflectMetadataApi;

if (typeof reflect.getMetadata !== 'function') {
  const store = new WeakMap<MetadataTarget, Map<PropertyKey | undefined, MetadataMap>>();
  const own = (target: MetadataTarget, property: PropertyKey | undefined, create: boolean): MetadataMap | undefined => {
    let byProperty = store.get(target);
    if (!byProperty && create) store.set(target, (byProperty = new Map()));
    let map = byProperty?.get(property);
    if (!map && create && byProperty) byProperty.set(property, (map = new Map()));
    return map;
  };
  reflect.getOwnMetadata = (key, target, property) => own(target, property, false)?.get(key);
  reflect.getMetadata = (key, target, property) => {
    // Walks the prototype chain, as reflect-metadata does, so subclasses see their parents' metadata.
    for (let t: MetadataTarget | null = target; t; t = Object.getPrototypeOf(t) as MetadataTarget | null) {
      const map = own(t, property, false);
      if (map?.has(key)) return map.get(key);
    }
    return undefined;
  };
  reflect.defineMetadata = (key, value, target, property) => {
    own(target, property, true)!.set(key, value);
  };
  reflect.metadata = (key, value) => (target, property) => reflect.defineMetadata!(key, value, target, property);
}

export {};
