export * as api from './commands';
export type { ChecklistChanges, ColumnChanges, CreateOptions, InviteOptions, MoveArgs, SendArgs, TimeEntryInput } from './commands';
export * from './errors';
export * from './types';
