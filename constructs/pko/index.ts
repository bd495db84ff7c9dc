export * from './pulumi-operator-chart.js';
