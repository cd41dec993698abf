import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker thread running `name` (a module beside `from`, given without extension). From compiled
 * `dist/` that is `name.js`; when `from` is TypeScript source (the tests), the worker loads `name.ts` through tsx.
 */
export function startWorker(from: string, name: string, resourceLimits?: ResourceLimits): Worker {
  const options = resourceLimits === undefined ? {} : { resourceLimits };
  if (from.endsWith('.ts')) {
    const target = JSON.stringify(new URL(`./${name}.ts`, from).href);
    return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${target}); })`, { eval: true, ...options });
  }
  return new Worker(new URL(`./${name}.js`, from), options);
}
