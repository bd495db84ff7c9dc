/** What `HttpRoute` and `GrpcRoute` share: a name (default: the construct id) and one rendered route object. */
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { KubeObject } from '../../lib/manifest.js';
import { addObject } from '../kube-object.js';

export abstract class RouteConstruct extends Construct {
  /** The rendered route. */
  readonly apiObject: ApiObject;
  /** The route object's name. */
  readonly name: string;

  /** `build` checks the props (problems named under the construct path) and renders the route. */
  protected constructor(scope: Construct, id: string, name: string | undefined, build: (name: string, path: string) => KubeObject) {
    super(scope, id);
    this.name = name ?? id;
    this.apiObject = addObject(this, build(this.name, this.node.path));
  }
}
