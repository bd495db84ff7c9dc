export * from './cert-manager-chart.js';
