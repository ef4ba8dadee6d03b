import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedTeam } from '../../test/renderApp';
import type { FakeBackend } from '../../dev/fakeBackend';
import { dayNumber, isWeekend } from '../../lib/timeline';
import { DAY_WIDTH } from './TimelineChart';

interface Plan {
  backend: FakeBackend;
  day: (offset: number) => string;
  ids: Record<string, string>;
}

/** A board with a three-day task, a task due later that depends on it, and one without dates; opened as a timeline. */
async function openTimeline(more?: (backend: FakeBackend, ids: Record<string, string>, day: Plan['day']) => void) {
  const ids: Record<string, string> = {};
  let day: Plan['day'] = () => '';
  const rendered = renderApp((b) => {
    day = (offset) => b.dayFromToday(offset);
    const { boardId } = seedTeam(b);
    ids.board = boardId;
    ids.design = b.insertTask(boardId, { title: 'Design', start: day(1), due: day(3) }).id;
    ids.build = b.insertTask(boardId, { title: 'Build', due: day(6), dependsOn: [ids.design] }).id;
    ids.someday = b.insertTask(boardId, { title: 'Someday' }).id;
    more?.(b, ids, day);
  });
  await rendered.user.click(await screen.findByRole('button', { name: 'Timeline of Tasks' }));
  const page = await screen.findByTestId('timeline-page');
  await within(page).findAllByTestId('timeline-bar');
  return { ...rendered, page, ids, day };
}

const bar = (taskId: string) =>
  screen.getAllByTestId('timeline-bar').find((b) => b.getAttribute('data-task-id') === taskId) as unknown as SVGGElement;

const patches = (backend: FakeBackend) => backend.callsOf('task_update').map((c) => ({ taskId: c.taskId, patch: c.patch }));

describe('timeline', () => {
  it('draws dated tasks as bars on a day grid with today and weekends, the undated aside, and arrows between dependencies', async () => {
    const { page, ids, day } = await openTimeline();
    expect(screen.getByTestId('board-title').textContent).toBe('Tasks · Timeline');
    expect(screen.getByRole('button', { name: 'Timeline of Tasks' }).getAttribute('aria-current')).toBe('page');
    expect(within(page).getByTestId('timeline-counts').textContent).toBe('2 tasks with dates · 1 without');
    expect(within(page).getAllByTestId('timeline-row-title').map((t) => t.textContent)).toEqual(['Design', 'Build']);
    expect(within(within(page).getByTestId('timeline-undated')).getByText('Someday')).toBeTruthy();

    // Design spans three days; Build is a one-day marker on its due date, three days after Design ends.
    const design = within(bar(ids.design) as unknown as HTMLElement).getByTestId('timeline-bar-body');
    const build = within(bar(ids.build) as unknown as HTMLElement).getByTestId('timeline-bar-body');
    const designX = Number(design.getAttribute('x')) - 1;
    expect(Number(design.getAttribute('width')) + 2).toBe(3 * DAY_WIDTH);
    expect(Number(build.getAttribute('x')) - 1 - designX).toBe(5 * DAY_WIDTH);
    expect(Number(build.getAttribute('width')) + 2).toBe(DAY_WIDTH);
    expect(bar(ids.design).getAttribute('class')).toContain('timeline-bar--span');
    expect(bar(ids.build).getAttribute('class')).toContain('timeline-bar--due');
    expect(bar(ids.design).getAttribute('aria-label')).toMatch(/^Design, .+ to .+$/);

    // Today is marked, a day before Design starts; weekends are shaded, and only weekends.
    const today = within(page).getByTestId('timeline-today');
    expect(today.getAttribute('data-day')).toBe(day(0));
    expect(Number(today.querySelector('rect')?.getAttribute('x'))).toBe(designX - DAY_WIDTH);
    const weekends = within(page).getAllByTestId('timeline-weekend');
    expect(weekends.length).toBeGreaterThanOrEqual(8);
    expect(weekends.every((w) => isWeekend(dayNumber(w.getAttribute('data-day') ?? '') ?? 0))).toBe(true);

    // From the end of Design to the start of Build.
    const arrows = within(page).getAllByTestId('timeline-arrow');
    expect(arrows.map((a) => [a.getAttribute('data-from'), a.getAttribute('data-to'), a.getAttribute('data-done')])).toEqual([
      [ids.design, ids.build, 'false'],
    ]);
    expect(arrows[0].getAttribute('class')).toBe('timeline__arrow');
    const d = arrows[0].getAttribute('d') ?? '';
    expect(d.startsWith(`M${designX + 3 * DAY_WIDTH},`)).toBe(true);
    expect(d.endsWith(`H${designX + 5 * DAY_WIDTH}`)).toBe(true);
  });

  it('draws arrows from done dependencies too, muted, and keeps them when a dependency gets done', async () => {
    const { backend, user, page, ids } = await openTimeline((b, more, day) => {
      more.research = b.insertTask(more.board, { title: 'Research', start: day(-4), due: day(-2), status: 'done' }).id;
      const launch = b.insertTask(more.board, { title: 'Launch', due: day(9), dependsOn: [more.research, more.build, more.someday] });
      more.launch = launch.id;
    });
    const arrows = () =>
      Object.fromEntries(
        within(page).getAllByTestId('timeline-arrow').map((a) => [`${a.getAttribute('data-from')}>${a.getAttribute('data-to')}`, a.getAttribute('class')]),
      );
    // Someday has no dates: no arrow from it.
    expect(arrows()).toEqual({
      [`${ids.design}>${ids.build}`]: 'timeline__arrow',
      [`${ids.research}>${ids.launch}`]: 'timeline__arrow timeline__arrow--done',
      [`${ids.build}>${ids.launch}`]: 'timeline__arrow',
    });

    // Design is moved to Done from the panel: its arrow to Build stays, muted.
    await user.click(within(page).getAllByTestId('timeline-row-title').find((t) => t.textContent === 'Design') as HTMLElement);
    const panel = await screen.findByTestId('task-panel');
    await waitFor(() => expect((within(panel).getByTestId('task-title-input') as HTMLTextAreaElement).value).toBe('Design'));
    const select = within(panel).getByTestId('task-status-select');
    await within(select).findByRole('option', { name: 'Done' });
    await user.selectOptions(select, 'done');
    await waitFor(() => expect(arrows()[`${ids.design}>${ids.build}`]).toBe('timeline__arrow timeline__arrow--done'));
    expect(Object.keys(arrows())).toHaveLength(3);
    expect(backend.callsOf('task_move')).toEqual([
      { boardId: ids.board, taskId: ids.design, column: 'done', beforeTaskId: null, force: false },
    ]);
  });

  it('moves a dragged bar by whole days and saves both dates on release', async () => {
    const { backend, ids, day } = await openTimeline();
    const body = within(bar(ids.design) as unknown as HTMLElement).getByTestId('timeline-bar-body');
    const svg = screen.getByTestId('timeline-svg');
    fireEvent.pointerDown(body, { clientX: 300, pointerId: 1, button: 0 });
    // Less than half a day: nothing yet.
    fireEvent.pointerMove(svg, { clientX: 300 + DAY_WIDTH / 3, pointerId: 1 });
    expect(bar(ids.design).getAttribute('data-start')).toBe(day(1));
    // Two days and a bit: the bar follows, snapped.
    fireEvent.pointerMove(svg, { clientX: 300 + 2 * DAY_WIDTH + 5, pointerId: 1 });
    expect(bar(ids.design).getAttribute('data-start')).toBe(day(3));
    expect(backend.callsOf('task_update')).toEqual([]);
    fireEvent.pointerUp(svg, { clientX: 300 + 2 * DAY_WIDTH + 5, pointerId: 1 });

    await waitFor(() => expect(patches(backend)).toEqual([{ taskId: ids.design, patch: { start: day(3), due: day(5) } }]));
    await waitFor(() => expect(bar(ids.design).getAttribute('data-due')).toBe(day(5)));
    // The arrow now turns back: Build is due before Design ends.
    expect(screen.getByTestId('timeline-arrow').getAttribute('d')).toMatch(/ V[\d.]+ H[\d.]+ V[\d.]+ H[\d.]+$/);
  });

  it('changes only the start or the due date when an end is dragged, and grows a start out of a one-date bar', async () => {
    const { backend, ids, day } = await openTimeline();
    const svg = screen.getByTestId('timeline-svg');
    const drag = (taskId: string, grip: string, dx: number) => {
      fireEvent.pointerDown(within(bar(taskId) as unknown as HTMLElement).getByTestId(grip), { clientX: 500, pointerId: 1, button: 0 });
      fireEvent.pointerMove(svg, { clientX: 500 + dx, pointerId: 1 });
      fireEvent.pointerUp(svg, { clientX: 500 + dx, pointerId: 1 });
    };
    drag(ids.design, 'timeline-bar-start', -DAY_WIDTH);
    await waitFor(() => expect(patches(backend)).toHaveLength(1));
    drag(ids.design, 'timeline-bar-due', 3 * DAY_WIDTH);
    await waitFor(() => expect(patches(backend)).toHaveLength(2));
    drag(ids.build, 'timeline-bar-start', -2 * DAY_WIDTH);
    await waitFor(() => expect(patches(backend)).toHaveLength(3));
    expect(patches(backend)).toEqual([
      { taskId: ids.design, patch: { start: day(0), due: day(3) } },
      { taskId: ids.design, patch: { start: day(0), due: day(6) } },
      { taskId: ids.build, patch: { start: day(4), due: day(6) } },
    ]);
    await waitFor(() => expect(bar(ids.build).getAttribute('class')).toContain('timeline-bar--span'));
  });

  it('reschedules the focused bar with the arrow keys, keeping focus on it as the rows reorder', async () => {
    const { backend, user, ids, day } = await openTimeline();
    bar(ids.design).focus();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(patches(backend)).toEqual([{ taskId: ids.design, patch: { start: day(2), due: day(4) } }]));
    await user.keyboard('{Shift>}{ArrowRight}{ArrowRight}{ArrowRight}{/Shift}');
    await waitFor(() => expect(patches(backend)).toHaveLength(4));
    expect(patches(backend).slice(1).map((p) => p.patch)).toEqual([
      { start: day(2), due: day(5) },
      { start: day(2), due: day(6) },
      { start: day(2), due: day(7) },
    ]);
    // Design now ends after Build: it moved down a row, and still has focus.
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    await waitFor(() => expect(screen.getAllByTestId('timeline-row-title').map((t) => t.textContent)).toEqual(['Build', 'Design']));
    expect(document.activeElement).toBe(bar(ids.design));
    await waitFor(() => expect(bar(ids.design).getAttribute('data-due')).toBe(day(12)));
    await user.keyboard('{ArrowLeft}');
    await waitFor(() => expect(patches(backend).slice(-1)[0].patch).toEqual({ start: day(6), due: day(11) }));
  });

  it('puts a bar back and says why when the core refuses the dates', async () => {
    const { backend, user, ids, day } = await openTimeline();
    backend.failNext('task_update', { code: 'read_only', message: 'this team is read-only' });
    bar(ids.design).focus();
    await user.keyboard('{ArrowLeft}');
    const toast = await screen.findByTestId('error-toast');
    expect(toast.getAttribute('data-code')).toBe('read_only');
    await waitFor(() => expect(bar(ids.design).getAttribute('data-start')).toBe(day(1)));
  });

  it('opens a task in the panel from its bar, its row or the undated list, and goes back to the board', async () => {
    const { user, page, ids } = await openTimeline();
    const body = within(bar(ids.design) as unknown as HTMLElement).getByTestId('timeline-bar-body');
    fireEvent.pointerDown(body, { clientX: 10, pointerId: 1, button: 0 });
    fireEvent.pointerUp(screen.getByTestId('timeline-svg'), { clientX: 12, pointerId: 1 });
    const panel = await screen.findByTestId('task-panel');
    await waitFor(() => expect((within(panel).getByTestId('task-title-input') as HTMLTextAreaElement).value).toBe('Design'));

    await user.click(within(page).getByTestId('timeline-undated-task'));
    await waitFor(() => expect((screen.getByTestId('task-title-input') as HTMLTextAreaElement).value).toBe('Someday'));
    // A date given in the panel puts it on the timeline.
    await user.type(screen.getByTestId('task-due-input'), '2031-01-05{Enter}');
    await waitFor(() => expect(within(page).getAllByTestId('timeline-bar')).toHaveLength(3));

    await user.click(within(page).getByTestId('timeline-open-board'));
    await waitFor(() => expect(screen.queryByTestId('timeline-page')).toBeNull());
    expect(screen.getByTestId('board-title').textContent).toBe('Tasks');
  });
});
