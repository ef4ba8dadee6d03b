import './Meter.css';

interface MeterProps {
  value: number;
  max: number;
  /** What the bar measures, read out with its value. */
  label: string;
  testId?: string;
  tone?: 'accent' | 'done' | 'warning' | 'danger';
}

/** A thin horizontal bar of value out of max. */
export function Meter({ value, max, label, testId, tone = 'accent' }: MeterProps) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <span
      className={`meter meter--${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={`${value} of ${max}`}
      data-testid={testId}
    >
      <span className="meter__fill" style={{ width: `${percent}%` }} />
    </span>
  );
}
