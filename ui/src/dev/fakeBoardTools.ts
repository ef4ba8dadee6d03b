// The board-tools half of the in-memory stand-in for the Rust core (see
// fakeBackend.ts), following "Board tools: time tracking, files, bulk edits" of
// docs/ipc.md: timers and time entries, board export and CSV import, and bulk
// edits with undo. The file dialogs are played by switches: `nextPick` (the
// file the picker answers), `files` (what each path holds) and `saveAnswer`
// (the path a save dialog answers, or null for Cancel).
import type { BulkAction, BulkResult, ImportReport, RowProblem, Status, TimeEntry, TimeTotals } from '../api/types';
import { NOT_HANDLED, type FakeHost } from './fakeHost';

const WEEK_MS = 7 * 86_400_000;
const STATUSES: Status[] = ['todo', 'in_progress', 'in_review', 'done'];
/** This session's last bulk edits that can be undone. */
const UNDO_DEPTH = 20;

/** The parts of a task bulk edits write and undo puts back. */
export interface ToolTask {
  id: string;
  title: string;
  column: string;
  assignees: string[];
  labels: string[];
  dependsOn: string[];
  /** Kept as it is when an undo puts a task back: the undo is one more change. */
  history: unknown[];
}

/** What the board tools need from the rest of the fake core. */
export interface BoardToolsHost extends FakeHost {
  /** The team of a board (not_found when there is none). */
  teamOfBoard: (boardId: string) => string;
  /** The board's ids in a team. */
  boardsOf: (teamId: string) => string[];
  /** The board's live tasks: edits go straight into the store. */
  boardTasks: (boardId: string) => Map<string, ToolTask>;
  /** task_move and task_update as the core checks them. */
  moveTask: (a: Record<string, unknown>) => unknown;
  updateTask: (a: Record<string, unknown>) => unknown;
  createTask: (boardId: string, title: string, status: Status) => void;
  /** Notes a change to a task in its history (time entries touch 'time'). */
  keepHistory: (boardId: string, taskId: string, fields: string[]) => void;
}

interface StoredEntry {
  id: string;
  boardId: string;
  taskId: string;
  userId: string;
  startedAt: number;
  endedAt: number | null;
  note: string | null;
}

interface Undo {
  id: string;
  boardId: string;
  before: ToolTask[];
  /** For deletes: the other tasks that depended on a deleted one. */
  dependents: [taskId: string, dependsOn: string[]][];
}

/** Splits one CSV line, with "quoted, fields" and "" for a quote inside them. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields;
}

export class FakeBoardTools {
  /** The path the next board_import_pick answers; null plays Cancel. */
  nextPick: string | null = null;
  /** The files the picker can choose from: path → text. */
  readonly files = new Map<string, string>();
  /** The path a save dialog answers; null plays Cancel. */
  saveAnswer: string | null = '/home/me/Downloads/export';
  /** Each save, as the shell would write it. */
  readonly saved: { path: string; contents: string }[] = [];
  private readonly entries: StoredEntry[] = [];
  private readonly undos: Undo[] = [];

  constructor(private readonly host: BoardToolsHost) {}

  dispatch(cmd: string, a: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'timer_start':
        return this.start(String(a.boardId), String(a.taskId));
      case 'timer_stop':
        return this.stop();
      case 'timer_running': {
        const running = this.running();
        return running ? this.view(running) : null;
      }
      case 'time_entry_add':
        return this.add(a);
      case 'time_entry_edit':
        return this.edit(a);
      case 'time_entry_delete': {
        const entry = this.mine(a.entryId);
        this.entries.splice(this.entries.indexOf(entry), 1);
        this.changed(entry.boardId, entry.taskId);
        return null;
      }
      case 'time_entries':
        return this.inRange(a).map((e) => this.view(e));
      case 'time_totals':
        return this.totals(this.inRange(a).map((e) => this.view(e)));
      case 'timesheet_export':
        return this.save(this.inRange(a).map((e) => this.view(e)).map((e) => `${e.taskTitle},${e.userId},${e.durationMs}`).join('\n'));
      case 'board_export': {
        const tasks = [...this.host.boardTasks(String(a.boardId)).values()];
        if (a.format !== 'csv' && a.format !== 'json') return this.host.fail('invalid_input', 'format must be csv or json');
        return this.save(a.format === 'json' ? JSON.stringify(tasks) : tasks.map((t) => `${t.title},${t.column}`).join('\n'));
      }
      case 'board_import_pick':
        return this.nextPick;
      case 'board_import':
        return this.import(a);
      case 'bulk_edit':
        return this.bulk(String(a.boardId), a.taskIds, a.action as BulkAction);
      case 'bulk_undo':
        return this.undo(String(a.undoId));
      default:
        return NOT_HANDLED;
    }
  }

  /** Puts a finished (or, with `endedAt` null, running) entry straight into the store (tests and seed data). */
  addEntry(entry: Omit<StoredEntry, 'id' | 'note'> & { note?: string | null }): string {
    const id = this.host.id('time');
    this.entries.push({ note: null, ...entry, id });
    return id;
  }

  // ----- timers and entries -----

  private running(): StoredEntry | undefined {
    return this.entries.find((e) => e.userId === this.host.me && e.endedAt === null);
  }

  private title(boardId: string, taskId: string): string {
    const task = this.host.boardTasks(boardId).get(taskId);
    return task?.title ?? this.host.fail('not_found', `task \`${taskId}\` does not exist`);
  }

  private view(e: StoredEntry): TimeEntry {
    const task = this.host.boardTasks(e.boardId).get(e.taskId);
    return {
      id: e.id,
      boardId: e.boardId,
      taskId: e.taskId,
      taskTitle: task?.title ?? '',
      userId: e.userId,
      startedAt: e.startedAt,
      endedAt: e.endedAt,
      note: e.note,
      durationMs: (e.endedAt ?? this.host.now()) - e.startedAt,
    };
  }

  private changed(boardId: string, taskId?: string): void {
    if (taskId) this.host.keepHistory(boardId, taskId, ['time']);
    this.host.changed(boardId, 'board', this.host.teamOfBoard(boardId));
  }

  private start(boardId: string, taskId: string): TimeEntry {
    this.title(boardId, taskId);
    const running = this.running();
    if (running) {
      running.endedAt = this.host.now();
      this.changed(running.boardId, running.taskId);
    }
    const entry: StoredEntry = { id: this.host.id('time'), boardId, taskId, userId: this.host.me, startedAt: this.host.now(), endedAt: null, note: null };
    this.entries.push(entry);
    this.changed(boardId, taskId);
    return this.view(entry);
  }

  private stop(): TimeEntry | null {
    const running = this.running();
    if (!running) return null;
    running.endedAt = this.host.now();
    this.changed(running.boardId, running.taskId);
    return this.view(running);
  }

  private checkedSpan(a: Record<string, unknown>): { startedAt: number; endedAt: number; note: string | null } {
    const startedAt = Number(a.startedAt);
    const endedAt = Number(a.endedAt);
    if (!Number.isFinite(startedAt) || !Number.isFinite(endedAt)) this.host.fail('invalid_input', 'start and end must be times');
    if (endedAt <= startedAt) this.host.fail('invalid_input', 'a time entry must end after it starts');
    if (endedAt - startedAt > WEEK_MS) this.host.fail('invalid_input', 'a time entry cannot be longer than a week');
    const note = typeof a.note === 'string' && a.note.trim() ? a.note.trim() : null;
    return { startedAt, endedAt, note };
  }

  private add(a: Record<string, unknown>): TimeEntry {
    const boardId = String(a.boardId);
    const taskId = String(a.taskId);
    this.title(boardId, taskId);
    const span = this.checkedSpan(a);
    const entry: StoredEntry = { id: this.host.id('time'), boardId, taskId, userId: this.host.me, ...span };
    this.entries.push(entry);
    this.changed(boardId, taskId);
    return this.view(entry);
  }

  private mine(id: unknown): StoredEntry {
    const entry = this.entries.find((e) => e.id === String(id)) ?? this.host.fail('not_found', `time entry \`${String(id)}\` does not exist`);
    if (entry.userId !== this.host.me) this.host.fail('forbidden', 'change someone else’s time entry');
    return entry;
  }

  private edit(a: Record<string, unknown>): TimeEntry {
    const entry = this.mine(a.entryId);
    Object.assign(entry, this.checkedSpan(a));
    this.changed(entry.boardId, entry.taskId);
    return this.view(entry);
  }

  private inRange(a: Record<string, unknown>): StoredEntry[] {
    const boards = new Set(this.host.boardsOf(String(a.teamId)));
    const from = Number(a.from);
    const to = Number(a.to);
    return this.entries
      .filter((e) => boards.has(e.boardId) && e.startedAt >= from && e.startedAt < to)
      .sort((x, y) => x.startedAt - y.startedAt);
  }

  private totals(entries: TimeEntry[]): TimeTotals {
    const add = <K>(map: Map<K, number>, key: K, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
    const byTask = new Map<string, number>();
    const titles = new Map<string, string>();
    const byPerson = new Map<string, number>();
    for (const e of entries) {
      add(byTask, e.taskId, e.durationMs);
      titles.set(e.taskId, e.taskTitle);
      add(byPerson, e.userId, e.durationMs);
    }
    return {
      byTask: [...byTask].map(([id, ms]) => [id, titles.get(id) ?? '', ms]),
      byPerson: [...byPerson],
      byWeek: [],
    };
  }

  private save(contents: string): string | null {
    if (this.saveAnswer === null) return null;
    this.saved.push({ path: this.saveAnswer, contents });
    return this.saveAnswer;
  }

  // ----- import -----

  private import(a: Record<string, unknown>): ImportReport {
    const boardId = String(a.boardId);
    this.host.teamOfBoard(boardId);
    const text = this.files.get(String(a.path)) ?? this.host.fail('io', `cannot read \`${String(a.path)}\``);
    const lines = text.split(/\r?\n/);
    const header = csvFields(lines[0] ?? '').map((h) => h.trim().toLowerCase());
    const titleAt = header.indexOf('title');
    const statusAt = header.indexOf('status');
    if (titleAt === -1) return this.host.fail('invalid_input', 'the file has no `title` column');
    const rows: { title: string; status: Status }[] = [];
    const problems: RowProblem[] = [];
    lines.slice(1).forEach((line, i) => {
      if (!line.trim()) return;
      const fields = csvFields(line);
      const title = (fields[titleAt] ?? '').trim();
      const status = statusAt === -1 || !(fields[statusAt] ?? '').trim() ? 'todo' : (fields[statusAt].trim() as Status);
      if (!title) problems.push({ line: i + 2, message: 'the title is empty' });
      else if (!STATUSES.includes(status)) problems.push({ line: i + 2, message: `unknown status \`${status}\`` });
      else rows.push({ title, status });
    });
    const applied = a.preview !== true && (problems.length === 0 || a.acceptPartial === true) && rows.length > 0;
    if (applied) {
      for (const row of rows) this.host.createTask(boardId, row.title, row.status);
      this.changed(boardId);
    }
    return { tasks: rows.map((r) => r.title), problems, applied };
  }

  // ----- bulk edits -----

  private bulk(boardId: string, rawIds: unknown, action: BulkAction): BulkResult {
    const tasks = this.host.boardTasks(boardId);
    if (!Array.isArray(rawIds) || rawIds.length === 0) return this.host.fail('invalid_input', 'pick at least one task');
    const ids = rawIds.map(String);
    const before = ids.map((id) => structuredClone(tasks.get(id) ?? this.host.fail('not_found', `task \`${id}\` does not exist`)));
    // One batch: the whole board as it was, put back if any task is refused.
    const board = [...tasks.values()].map((t) => structuredClone(t));
    const dependents: Undo['dependents'] = [];
    try {
      for (const id of ids) {
        switch (action.kind) {
          case 'move':
            this.host.moveTask({ boardId, taskId: id, column: action.column, beforeTaskId: null, force: action.force });
            break;
          case 'assign':
            this.host.updateTask({ boardId, taskId: id, patch: { assignee: action.assignee } });
            break;
          case 'label': {
            const task = tasks.get(id) as ToolTask;
            this.host.updateTask({ boardId, taskId: id, patch: { labels: [...task.labels, action.label] } });
            break;
          }
          case 'delete':
            tasks.delete(id);
            break;
          default:
            this.host.fail('invalid_input', 'unknown bulk action');
        }
      }
      if (action.kind === 'delete') {
        for (const other of tasks.values()) {
          if (other.dependsOn.some((d) => ids.includes(d))) {
            dependents.push([other.id, [...other.dependsOn]]);
            other.dependsOn = other.dependsOn.filter((d) => !ids.includes(d));
          }
        }
      }
    } catch (error) {
      tasks.clear();
      for (const t of board) tasks.set(t.id, t);
      throw error;
    }
    const undo: Undo = { id: this.host.id('undo'), boardId, before, dependents };
    this.undos.push(undo);
    if (this.undos.length > UNDO_DEPTH) this.undos.shift();
    this.changed(boardId);
    return { changed: ids.length, undoId: undo.id };
  }

  private undo(undoId: string): number {
    const at = this.undos.findIndex((u) => u.id === undoId);
    if (at === -1) return this.host.fail('not_found', 'this bulk edit can no longer be undone');
    const [undo] = this.undos.splice(at, 1);
    const tasks = this.host.boardTasks(undo.boardId);
    for (const task of undo.before) {
      const live = tasks.get(task.id);
      if (live) Object.assign(live, { ...structuredClone(task), history: live.history });
      else tasks.set(task.id, structuredClone(task));
    }
    for (const [id, dependsOn] of undo.dependents) {
      const live = tasks.get(id);
      if (live) live.dependsOn = dependsOn;
    }
    this.changed(undo.boardId);
    return undo.before.length;
  }
}
