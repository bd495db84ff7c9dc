export * from './viz-chart.js';
export * from './context.js';
