import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { estimateRowHeight, type ChatRow } from '../../lib/chat';
import { rowAt, rowOffsets, visibleRange } from '../../lib/virtual';
import './MessageList.css';

/** Viewport height assumed before the list has been laid out (and where there is no layout). */
export const FALLBACK_VIEWPORT_PX = 800;
/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gaps. */
export const OVERSCAN_ROWS = 8;
/** Older messages load when the top is this close. */
const LOAD_OLDER_WITHIN_PX = 240;
/** This close to the end still counts as "at the bottom". */
const BOTTOM_SLACK_PX = 40;
/** A scroll target that never shows up is given up after this long. */
const TARGET_TIMEOUT_MS = 3000;

export type MessageRowOf = Extract<ChatRow, { kind: 'message' }>;

export interface MessageListHandle {
  /** Scrolls a row into view (waiting for it if it has not arrived yet). */
  scrollToRow: (key: string, align?: 'start' | 'center') => void;
  scrollToBottom: () => void;
}

interface MessageListProps {
  rows: ChatRow[];
  loaded: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  renderMessage: (row: MessageRowOf) => ReactNode;
  /** Told whenever the newest message comes into view or leaves it. */
  onNewestVisible: (visible: boolean) => void;
}

interface Target {
  key: string;
  align: 'start' | 'center';
  since: number;
}

/**
 * The messages of a conversation, windowed: only the rows in view and a few
 * on either side are in the DOM; the rest are spacers sized from measured (or
 * estimated) heights. It sticks to the bottom while the reader is there, keeps
 * the first visible row still when rows are added above or grow, and asks for
 * older messages near the top.
 */
export const MessageList = forwardRef<MessageListHandle, MessageListProps>(function MessageList(
  { rows, loaded, hasOlder, loadingOlder, onLoadOlder, renderMessage, onNewestVisible },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [view, setView] = useState({ top: 0, height: 0 });
  const atBottom = useRef(true);
  const anchor = useRef<{ key: string; gap: number } | null>(null);
  const target = useRef<Target | null>(null);

  const sizes = useMemo(
    () => rows.map((row) => heights.current.get(row.key) ?? estimateRowHeight(row)),
    // `measured` changes whenever a height was learnt (heights is a ref).
    [rows, measured],
  );
  const offsets = useMemo(() => rowOffsets(sizes), [sizes]);
  const indexOf = useMemo(() => new Map(rows.map((row, i) => [row.key, i])), [rows]);
  const total = offsets[offsets.length - 1];
  const viewHeight = view.height > 0 ? view.height : FALLBACK_VIEWPORT_PX;
  const maxTop = Math.max(0, total - viewHeight);
  const top = Math.min(view.top, maxTop);
  const range = visibleRange(offsets, top, viewHeight, OVERSCAN_ROWS);

  const latest = useRef({ offsets, rows, total, viewHeight, maxTop, hasOlder, loadingOlder, loaded, onLoadOlder });
  latest.current = { offsets, rows, total, viewHeight, maxTop, hasOlder, loadingOlder, loaded, onLoadOlder };

  const clamp = (value: number) => Math.max(0, Math.min(value, latest.current.maxTop));

  const moveTo = (value: number) => {
    const next = clamp(value);
    const el = scrollRef.current;
    if (el && Math.abs(el.scrollTop - next) > 0.5) el.scrollTop = next;
    setView((v) => (Math.abs(v.top - next) > 0.5 ? { ...v, top: next } : v));
    return next;
  };

  /** Remembers the first message in view (separators move when older rows arrive) and how far it is from the top. */
  const remember = (at: number) => {
    const { offsets: o, rows: r } = latest.current;
    let index = rowAt(o, at);
    while (index < r.length - 1 && r[index].kind !== 'message') index += 1;
    anchor.current = r[index] ? { key: r[index].key, gap: at - o[index] } : null;
  };

  useImperativeHandle(ref, () => ({
    scrollToRow: (key, align = 'center') => {
      target.current = { key, align, since: Date.now() };
      atBottom.current = false;
      // Re-render so the layout pass below puts the row in view.
      setMeasured((m) => m + 1);
    },
    scrollToBottom: () => {
      target.current = null;
      atBottom.current = true;
      moveTo(latest.current.maxTop);
    },
  }));

  // After every render: learn the heights of the rows in the DOM, then put the
  // scroll position where it belongs (the target, the bottom, or the anchor).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const inner = innerRef.current;
    if (!el || !inner) return;
    let changed = false;
    for (const child of Array.from(inner.children) as HTMLElement[]) {
      const key = child.dataset.rowKey;
      if (!key) continue;
      const height = child.offsetHeight;
      if (height > 0 && Math.abs((heights.current.get(key) ?? -1) - height) > 0.5) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    if (el.clientHeight > 0 && el.clientHeight !== view.height) {
      setView((v) => ({ ...v, height: el.clientHeight }));
      changed = true;
    }
    if (changed) {
      setMeasured((m) => m + 1);
      return;
    }

    let next = top;
    const wanted = target.current;
    if (wanted) {
      const index = indexOf.get(wanted.key);
      if (index !== undefined) {
        next = clamp(wanted.align === 'center' ? offsets[index] - viewHeight / 3 : offsets[index] - 8);
        // Arrived, and nothing moved under it: done.
        if (Math.abs(next - top) <= 1) target.current = null;
        atBottom.current = next >= maxTop - 1;
      } else if (Date.now() - wanted.since > TARGET_TIMEOUT_MS) {
        target.current = null;
      }
    } else if (atBottom.current) {
      next = maxTop;
    } else if (anchor.current) {
      const index = indexOf.get(anchor.current.key);
      if (index !== undefined) next = clamp(offsets[index] + anchor.current.gap);
    }
    if (Math.abs(next - top) > 0.5 || Math.abs(el.scrollTop - next) > 0.5) next = moveTo(next);
    remember(next);

    // Too few messages to fill the view: bring older ones while there are any.
    if (loaded && hasOlder && !loadingOlder && total <= viewHeight) onLoadOlder();
  });

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const { total: t, viewHeight: h, hasOlder: older, loadingOlder: busy, onLoadOlder: load } = latest.current;
    const height = el.clientHeight > 0 ? el.clientHeight : h;
    const at = el.scrollTop;
    atBottom.current = at + height >= t - BOTTOM_SLACK_PX;
    setView((v) => (v.top === at && v.height === height ? v : { top: at, height }));
    remember(at);
    if (at < LOAD_OLDER_WITHIN_PX && older && !busy) load();
  };

  const newestVisible = rows.length === 0 || range.lastVisible >= rows.length - 1;
  useEffect(() => onNewestVisible(newestVisible), [newestVisible, onNewestVisible]);

  const unreadIndex = indexOf.get('unread');
  const unreadAbove = unreadIndex !== undefined && unreadIndex < range.firstVisible;
  const awayFromBottom = top < maxTop - BOTTOM_SLACK_PX;

  const jump = (key: string) => {
    target.current = { key, align: 'start', since: Date.now() };
    atBottom.current = false;
    setMeasured((m) => m + 1);
  };

  return (
    <div className="message-list-frame">
      <div
        ref={scrollRef}
        className="message-list"
        role="log"
        aria-label="Messages"
        aria-busy={!loaded || loadingOlder}
        data-testid="chat-message-list"
        data-rendered={range.end - range.start}
        onScroll={onScroll}
      >
        <div className="message-list__inner" ref={innerRef}>
          <div className="message-list__spacer" style={{ height: offsets[range.start] }} aria-hidden="true" />
          {rows.slice(range.start, range.end).map((row) => (
            <div key={row.key} className="message-list__row" data-row-key={row.key}>
              {row.kind === 'day' ? (
                <div className="day-separator" role="separator" data-testid="day-separator">
                  <span className="day-separator__label">{row.label}</span>
                </div>
              ) : row.kind === 'unread' ? (
                <div className="unread-divider" role="separator" data-testid="unread-divider">
                  <span className="unread-divider__label">New messages</span>
                </div>
              ) : (
                renderMessage(row)
              )}
            </div>
          ))}
          <div className="message-list__spacer" style={{ height: total - offsets[range.end] }} aria-hidden="true" />
        </div>
      </div>
      {loadingOlder && (
        <div className="message-list__loading" role="status">
          Loading older messages…
        </div>
      )}
      {loaded && rows.length === 0 && <p className="message-list__empty">No messages yet. Say hello!</p>}
      {unreadAbove && (
        <div className="message-list__jumps message-list__jumps--top">
          <button type="button" className="jump-button" data-testid="jump-to-unread" onClick={() => jump('unread')}>
            Jump to first unread
          </button>
        </div>
      )}
      <div className="message-list__jumps">
        {awayFromBottom && (
          <button
            type="button"
            className="jump-button"
            data-testid="jump-to-newest"
            onClick={() => {
              target.current = null;
              atBottom.current = true;
              moveTo(maxTop);
            }}
          >
            Newest messages
          </button>
        )}
      </div>
    </div>
  );
});
