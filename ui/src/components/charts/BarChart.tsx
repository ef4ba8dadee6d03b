import { ChartTable } from './ChartTable';
import './charts.css';

export interface Bar {
  label: string;
  /** null: nothing to draw (no score yet). */
  value: number | null;
  /** The value as people read it; defaults to the number. */
  text?: string;
  tone?: 'accent' | 'danger' | 'done' | 'muted';
}

interface BarChartProps {
  /** What the chart shows; its caption and the start of its spoken summary. */
  title: string;
  bars: Bar[];
  /** The full length of a bar; defaults to the largest value. */
  max?: number;
  /** The table's heading for the values. */
  valueLabel?: string;
  testId?: string;
}

const WIDTH = 480;
const ROW = 26;
const LABEL_W = 170;
const VALUE_W = 52;
const BAR_H = 14;

/** A horizontal bar per item, drawn in SVG; the same data as a hidden table for screen readers. */
export function BarChart({ title, bars, max, valueLabel = 'Value', testId }: BarChartProps) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
  const span = WIDTH - LABEL_W - VALUE_W - 8;
  const height = Math.max(ROW, bars.length * ROW);
  const read = (b: Bar) => b.text ?? (b.value === null ? 'none' : String(b.value));
  const summary = bars.length === 0 ? `${title}: no data yet` : `${title}: ${bars.map((b) => `${b.label} ${read(b)}`).join(', ')}`;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart__caption">
        {title}
      </figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          const y = i * ROW;
          const w = b.value === null || top <= 0 ? 0 : Math.max(b.value > 0 ? 2 : 0, (Math.min(b.value, top) / top) * span);
          return (
            <g key={`${i}-${b.label}`} className={`chart__bar chart__bar--${b.tone ?? 'accent'}`}>
              <text x={LABEL_W - 8} y={y + ROW / 2} className="chart__label" textAnchor="end" dominantBaseline="middle">
                {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
              </text>
              <rect x={LABEL_W} y={y + (ROW - BAR_H) / 2} width={span} height={BAR_H} rx={3} className="chart__track" />
              <rect x={LABEL_W} y={y + (ROW - BAR_H) / 2} width={w} height={BAR_H} rx={3} className="chart__fill" />
              <text x={LABEL_W + span + 8} y={y + ROW / 2} className="chart__value" dominantBaseline="middle">
                {b.value === null ? '–' : read(b)}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable title={title} header={['Item', valueLabel]} rows={bars.map((b) => [b.label, read(b)])} />
    </figure>
  );
}
