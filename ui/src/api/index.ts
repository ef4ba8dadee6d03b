export * as api from './commands';
export type { MoveArgs, SendArgs } from './commands';
export * from './errors';
export * from './types';
