/** Whether build/ is the compiled form of the sources beside it (build-freshness.mjs). */
export declare function buildState(): 'missing' | 'stale' | 'current';
