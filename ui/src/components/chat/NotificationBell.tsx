import { useRef, useState } from 'react';
import type { ChatNotification, NotificationSettings } from '../../api';
import { relativeTime } from '../../lib/dates';
import { useDismiss } from '../../state/useDismiss';
import { useNow } from '../../state/useNow';
import { BellIcon } from '../icons';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import './NotificationBell.css';

interface NotificationBellProps {
  notifications: ChatNotification[] | undefined;
  settings: NotificationSettings | undefined;
  /** The open conversation, which the settings can mute. */
  conversation: { id: string; name: string } | null;
  onOpen: (notification: ChatNotification) => void;
  onMarkAllRead: () => void;
  /** Resolves true when the settings were saved. */
  onSaveSettings: (settings: NotificationSettings) => Promise<boolean>;
}

/** The bell in the top bar: how many mentions and direct messages wait, and the settings for them. */
export function NotificationBell({
  notifications,
  settings,
  conversation,
  onOpen,
  onMarkAllRead,
  onSaveSettings,
}: NotificationBellProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLSpanElement>(null);
  const now = useNow();
  useDismiss(open, rootRef, () => setOpen(false));

  const list = notifications ?? [];
  const unread = list.filter((n) => !n.read).length;

  return (
    <span className="bell" ref={rootRef}>
      <button
        type="button"
        className="icon-button icon-button--lg bell__button"
        data-testid="notification-bell"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        title="Notifications"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="bell__count" data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell__popover" role="dialog" aria-label="Notifications" data-testid="notification-centre">
          <div className="bell__head">
            <h2 className="bell__title">Notifications</h2>
            <button
              type="button"
              className="button button--ghost bell__mark"
              data-testid="notification-mark-all-read"
              disabled={unread === 0}
              onClick={onMarkAllRead}
            >
              Mark all read
            </button>
          </div>
          {list.length === 0 ? (
            <p className="bell__empty">Mentions and direct messages show up here.</p>
          ) : (
            <ul className="bell__list">
              {list.map((n) => (
                <li key={`${n.conversationId}:${n.messageId}`}>
                  <button
                    type="button"
                    className={`notification${n.read ? '' : ' is-unread'}`}
                    data-testid="notification-item"
                    data-read={n.read}
                    onClick={() => {
                      setOpen(false);
                      onOpen(n);
                    }}
                  >
                    <span className="notification__head">
                      <span className="notification__author">{n.authorName}</span>
                      <span className="notification__kind">
                        {n.kind === 'mention' ? 'mentioned you' : 'sent you a message'}
                      </span>
                      <time className="notification__time" dateTime={new Date(n.createdAt).toISOString()}>
                        {relativeTime(n.createdAt, now)}
                      </time>
                    </span>
                    <span className="notification__body">{n.body}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <NotificationSettingsForm settings={settings} conversation={conversation} onSave={onSaveSettings} />
        </div>
      )}
    </span>
  );
}
