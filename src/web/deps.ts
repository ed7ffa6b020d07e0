export type { AppDeps } from '../context.ts';
