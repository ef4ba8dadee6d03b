export * as api from './commands';
export type { InviteOptions, MoveArgs, SendArgs, TimeEntryInput } from './commands';
export * from './errors';
export * from './types';
