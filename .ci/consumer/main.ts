// cdk8s's TypeScript template runs its app with `npx ts-node main.ts` (CommonJS, its tsconfig).
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { meshWorkload, type MeshReference } from 'meshform';

const mesh: MeshReference = { apiVersion: 'meshform.io/v1alpha1', kind: 'MeshReference' };
const app = new App();
const chart = new Chart(app, 'web');
meshWorkload(new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx:1.27', portNumber: 80 }] }), { mesh });
const annotations = chart.toJson()[0].spec.template.metadata.annotations as Record<string, string>;
if (annotations['linkerd.io/inject'] !== 'enabled') throw new Error(`not meshed: ${JSON.stringify(annotations)}`);
console.log(`cjs: ts-node (cdk8s template tsconfig) meshed a Deployment (inject ${annotations['linkerd.io/inject']})`);
