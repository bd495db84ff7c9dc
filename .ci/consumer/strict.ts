// Type-checked by tsc with strict on (module nodenext): the entries' declarations as an app sees them.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { meshWorkload, MeshformError, type MeshReference } from 'meshform';
import { LinkerdMesh } from 'meshform/pulumi';
import { LINKERD_VERSION, type MeshValues } from 'meshform/model';

const mesh: MeshReference = { apiVersion: 'meshform.io/v1alpha1', kind: 'MeshReference', trustAnchorsPem: '' };
const chart = new Chart(new App(), 'web');
meshWorkload(new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx:1.27' }] }), { mesh, mode: 'annotation' });
export const version: string = LINKERD_VERSION;
export const values: MeshValues | undefined = undefined;
export const component: typeof LinkerdMesh = LinkerdMesh;
export const isError = (e: unknown): boolean => e instanceof MeshformError;
