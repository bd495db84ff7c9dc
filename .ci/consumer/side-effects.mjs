// Importing an entry writes nothing (the working directory stays as it was) and, under Pulumi mocks,
// registers no resource.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as pulumi from '@pulumi/pulumi';

const registered = [];
pulumi.runtime.setMocks({ newResource: (args) => (registered.push(args.type), { id: args.name, state: args.inputs }), call: (args) => args.inputs }, 'consumer', 'ci', false);
const before = readdirSync('.').sort();
for (const entry of ['meshform', 'meshform/model', 'meshform/pulumi']) await import(entry);
await new Promise((r) => setTimeout(r, 100));
assert.deepEqual(readdirSync('.').sort(), before, 'importing the entries wrote nothing');
assert.deepEqual(registered, [], 'importing the entries registered no resource');
console.log('esm: importing meshform, meshform/model, meshform/pulumi wrote nothing and registered nothing');
