import { useEffect, useState, type FormEvent } from 'react';
import type { NotificationSettings } from '../../api';
import { validClock } from '../../lib/chat';

interface NotificationSettingsFormProps {
  settings: NotificationSettings | undefined;
  conversation: { id: string; name: string } | null;
  onSave: (settings: NotificationSettings) => Promise<boolean>;
}

/** Mute the open conversation, and quiet hours (do not disturb) as two local times. */
export function NotificationSettingsForm({ settings, conversation, onSave }: NotificationSettingsFormProps) {
  const [start, setStart] = useState(settings?.dndStart ?? '');
  const [end, setEnd] = useState(settings?.dndEnd ?? '');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setStart(settings?.dndStart ?? '');
    setEnd(settings?.dndEnd ?? '');
  }, [settings?.dndStart, settings?.dndEnd]);

  if (!settings) return null;
  const muted = conversation !== null && settings.muted.includes(conversation.id);

  const save = async (next: NotificationSettings) => {
    setBusy(true);
    await onSave(next);
    setBusy(false);
  };

  const saveHours = (event: FormEvent) => {
    event.preventDefault();
    // Empty fields turn quiet hours off; anything else goes to the backend as typed, which checks it.
    const dndStart = start.trim() ? validClock(start) ?? start.trim() : null;
    const dndEnd = end.trim() ? validClock(end) ?? end.trim() : null;
    void save({ ...settings, dndStart, dndEnd });
  };

  return (
    <div className="bell__settings" data-testid="notification-settings">
      <h3 className="bell__subtitle">Settings</h3>
      {conversation && (
        <label className="bell__check">
          <input
            type="checkbox"
            data-testid="notification-mute"
            checked={muted}
            disabled={busy}
            onChange={(event) =>
              void save({
                ...settings,
                muted: event.target.checked
                  ? [...settings.muted.filter((id) => id !== conversation.id), conversation.id]
                  : settings.muted.filter((id) => id !== conversation.id),
              })
            }
          />
          Mute {conversation.name}
        </label>
      )}
      <form className="bell__dnd" onSubmit={saveHours}>
        <span className="bell__dnd-label">Do not disturb</span>
        <input
          className="input bell__time"
          type="time"
          aria-label="Do not disturb from"
          data-testid="dnd-start"
          value={start}
          onChange={(event) => setStart(event.target.value)}
        />
        <span aria-hidden="true">–</span>
        <input
          className="input bell__time"
          type="time"
          aria-label="Do not disturb until"
          data-testid="dnd-end"
          value={end}
          onChange={(event) => setEnd(event.target.value)}
        />
        <button type="submit" className="button" data-testid="dnd-save" disabled={busy}>
          Save
        </button>
      </form>
    </div>
  );
}
