import { useState } from 'react';
import { api, type AppError, type BoardSummary, type TaskDetail } from '../api';
import { useToasts } from '../state/toasts';
import { useDocChanged } from '../state/useDocChanged';
import { useResource } from '../state/useResource';
import type { TaskActions } from '../state/useTaskActions';
import { DependenciesEditor } from './DependenciesEditor';

/** Refusals of a new dependency that belong beside the picker rather than in a toast. */
const DEPENDENCY_ERRORS = new Set(['dependency_cycle', 'self_dependency']);

interface DependenciesSectionProps {
  teamId: string;
  task: TaskDetail;
  boards: BoardSummary[];
  actions: TaskActions;
  onOpenTask: (taskId: string, boardId: string) => void;
}

/** The task's dependencies across the team's boards: reads the team's tasks to pick from, and says why one was refused. */
export function DependenciesSection({ teamId, task, boards, actions, onOpenTask }: DependenciesSectionProps) {
  const { showError } = useToasts();
  const teamTasks = useResource(`team-tasks:${teamId}`, () => api.taskQuery({ teamId }), showError);
  const { reload } = teamTasks;
  useDocChanged((changes) => {
    if (changes.some((c) => c.kind === 'board' && c.teamId === teamId)) void reload();
  });
  const [error, setError] = useState<AppError | null>(null);
  const { boardId, id } = task;

  const add = async (dependsOn: string) => {
    setError(null);
    await actions.write(
      () => api.taskAddDependency(boardId, id, dependsOn),
      (e) => {
        if (!DEPENDENCY_ERRORS.has(e.code)) return false;
        setError(e);
        return true;
      },
    );
  };

  const remove = async (dependsOn: string) => {
    setError(null);
    await actions.write(() => api.taskRemoveDependency(boardId, id, dependsOn));
  };

  return (
    <DependenciesEditor
      task={task}
      teamTasks={teamTasks.data}
      boards={boards}
      error={error}
      onAdd={(dep) => void add(dep)}
      onRemove={(dep) => void remove(dep)}
      onOpenTask={onOpenTask}
    />
  );
}
