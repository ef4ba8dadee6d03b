import { formatClock } from '../lib/durations';
import { useTimer } from '../state/timer';
import { useNow } from '../state/useNow';
import './RunningTimer.css';

interface RunningTimerProps {
  /** Shows the task the timer runs on (its board, with the task open). */
  onOpenTask: (boardId: string, taskId: string) => void;
}

/** In the top bar while my timer runs, on every page: the task, the time so far, and Stop. */
export function RunningTimer({ onOpenTask }: RunningTimerProps) {
  const { running, stop } = useTimer();
  const now = useNow(1000);
  if (!running) return null;
  const elapsed = Math.max(running.durationMs, now - running.startedAt);
  return (
    <div className="running-timer" data-testid="running-timer" role="status">
      <span className="running-timer__dot" aria-hidden="true" />
      <button
        type="button"
        className="running-timer__title"
        title={`Open “${running.taskTitle}”`}
        data-testid="running-timer-task"
        onClick={() => onOpenTask(running.boardId, running.taskId)}
      >
        {running.taskTitle}
      </button>
      <span className="running-timer__clock" data-testid="running-timer-elapsed">
        {formatClock(elapsed)}
      </span>
      <button type="button" className="button running-timer__stop" data-testid="running-timer-stop" onClick={() => void stop()}>
        Stop
      </button>
    </div>
  );
}
