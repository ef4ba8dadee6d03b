export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

const TEXT: Record<SaveState, string> = {
  idle: 'Answers are saved on this device as you go',
  saving: 'Saving…',
  saved: 'Saved on this device',
  failed: 'Not saved: see the message',
};

/** Where my draft stands; said politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p className={`save-status save-status--${state}`} role="status" data-testid="save-status" data-state={state}>
      {TEXT[state]}
    </p>
  );
}
