import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { column, renderApp, seedTeam } from '../test/renderApp';

const TASKS = 10_000;

function bigBoard() {
  const ids: string[] = [];
  const rendered = renderApp((b) => {
    const { boardId } = seedTeam(b);
    for (let i = 0; i < TASKS; i += 1) ids.push(b.insertTask(boardId, { title: `Task ${i}`, position: i + 1 }).id);
    b.insertTask(boardId, { title: 'Elsewhere', status: 'done' });
  });
  return { ...rendered, ids };
}

const renderedCards = () => screen.queryAllByTestId('task-card');
const list = () => column('todo').querySelector<HTMLElement>('[data-column-list]') as HTMLElement;

describe('a board of 10,000 tasks', () => {
  it('puts only the cards in view (and a few more) in the DOM, and others as the column scrolls', async () => {
    bigBoard();
    await waitFor(() => expect(screen.getByTestId('column-count-todo').textContent).toBe(String(TASKS)));
    await screen.findByText('Task 0');
    expect(renderedCards().length).toBeLessThan(40);
    expect(screen.queryByText('Task 5000')).toBeNull();

    // jsdom has no layout: each card counts at its estimated height.
    const el = list();
    el.scrollTop = 96 * 5000;
    fireEvent.scroll(el);
    expect(await screen.findByText('Task 5000')).toBeTruthy();
    expect(screen.queryByText('Task 0')).toBeNull();
    expect(renderedCards().length).toBeLessThan(40);
    // The spacers keep the scrollbar the height of every card.
    const [top] = Array.from(el.querySelectorAll<HTMLElement>('.column__spacer'));
    expect(parseFloat(top.style.height)).toBeGreaterThan(96 * 4900);
  }, 30_000);

  it('keeps a dragged card in the DOM when its column scrolls it out of the window', async () => {
    bigBoard();
    const first = (await screen.findByText('Task 0')).closest('[data-testid="task-card"]') as HTMLElement;
    const dataTransfer = { setData: () => {}, getData: () => first.dataset.taskId ?? '', effectAllowed: '', dropEffect: '' };
    fireEvent.dragStart(first, { dataTransfer });
    await waitFor(() => expect(first.classList.contains('is-dragging')).toBe(true));
    const el = list();
    el.scrollTop = 96 * 5000;
    fireEvent.scroll(el);
    await screen.findByText('Task 5000');
    expect(first.isConnected).toBe(true);
    expect(first.closest('li')?.hidden).toBe(true);
    fireEvent.dragEnd(first);
    await waitFor(() => expect(screen.queryByText('Task 0')).toBeNull());
  }, 30_000);

  it('moves keyboard focus onto a card that was scrolled out of the window', async () => {
    const { user, ids } = bigBoard();
    await screen.findByText('Task 0');
    const rendered = within(column('todo')).getAllByTestId('task-card');
    const last = rendered[rendered.length - 1];
    const lastIndex = ids.indexOf(last.dataset.taskId as string);
    expect(screen.queryByText(`Task ${lastIndex + 1}`)).toBeNull();

    last.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.taskId).toBe(ids[lastIndex + 1]));
    expect(renderedCards().length).toBeLessThan(40);
  }, 30_000);
});
