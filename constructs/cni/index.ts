export * from './cni-chart.js';
export * from './plugin-config.js';
