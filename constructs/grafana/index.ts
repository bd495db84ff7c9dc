export * from './grafana-operator.js';
export * from './linkerd-grafana-dashboards.js';
