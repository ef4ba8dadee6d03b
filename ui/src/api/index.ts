export * as api from './commands';
export type { MoveArgs } from './commands';
export * from './errors';
export * from './types';
