export * from './multicluster-chart.js';
export * from './link-crd-schema.js';
export * from './controller.js';
