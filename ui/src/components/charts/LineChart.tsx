import { ChartTable } from './ChartTable';
import './charts.css';

export interface LinePoint {
  label: string;
  /** null: no value for this point (nothing submitted). */
  value: number | null;
  /** Drawn larger: the one being looked at. */
  current?: boolean;
}

interface LineChartProps {
  title: string;
  points: LinePoint[];
  /** The top of the scale. */
  max?: number;
  /** The bottom of the scale (a 1–5 mean starts at 1). */
  min?: number;
  valueLabel?: string;
  testId?: string;
}

const W = 480;
const H = 180;
const PAD = { top: 20, right: 24, bottom: 28, left: 36 };
const INSET = 16;

/** Values over time as a line with dots, in SVG; the same data as a hidden table. */
export function LineChart({ title, points, max = 100, min = 0, valueLabel = 'Value', testId }: LineChartProps) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  // Points keep clear of the axis labels, so a value at the top never covers them.
  const x = (i: number) => PAD.left + INSET + (points.length <= 1 ? (innerW - 2 * INSET) / 2 : (i / (points.length - 1)) * (innerW - 2 * INSET));
  const span = max - min || 1;
  const y = (v: number) => PAD.top + innerH - ((Math.max(min, Math.min(v, max)) - min) / span) * innerH;
  const drawn = points.map((p, i) => ({ ...p, i })).filter((p) => p.value !== null) as (LinePoint & { i: number; value: number })[];
  const path = drawn.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.i)},${y(p.value)}`).join(' ');
  const read = (p: LinePoint) => (p.value === null ? 'none' : String(p.value));
  const summary = points.length === 0 ? `${title}: no data yet` : `${title}: ${points.map((p) => `${p.label} ${read(p)}`).join(', ')}`;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart__caption">{title}</figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(min + span * f)} y2={y(min + span * f)} className="chart__grid" />
            <text x={PAD.left - 6} y={y(min + span * f)} className="chart__axis" textAnchor="end" dominantBaseline="middle">
              {Math.round(min + span * f)}
            </text>
          </g>
        ))}
        {path && <path d={path} className="chart__line" fill="none" />}
        {drawn.map((p) => (
          <g key={p.i}>
            <circle cx={x(p.i)} cy={y(p.value)} r={p.current ? 5 : 3.5} className={`chart__dot${p.current ? ' is-current' : ''}`} />
            <text x={x(p.i)} y={y(p.value) - 9} className="chart__value" textAnchor="middle">
              {p.value}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text key={i} x={x(i)} y={H - 8} className="chart__axis" textAnchor="middle">
            {p.label}
          </text>
        ))}
      </svg>
      <ChartTable title={title} header={['Point', valueLabel]} rows={points.map((p) => [p.label, read(p)])} />
    </figure>
  );
}
