import type { PulsePeriod, PulseView } from '../../api';
import { formatMean, periodShort } from '../../lib/pulse';
import { LineChart } from '../charts/LineChart';
import { Sheet } from '../Sheet';

interface PulseTrendProps {
  survey: PulseView;
  /** Newest first, as the core lists them. */
  periods: PulsePeriod[];
}

/** Each statement's mean over the periods with figures, oldest to newest. */
export function PulseTrend({ survey, periods }: PulseTrendProps) {
  const shown = periods.filter((p) => p.published > 0).reverse();
  return (
    <Sheet titleId="pulse-trend-title" title="Over time" testId="pulse-trend">
      {shown.length < 2 ? (
        <p className="sheet__hint" data-testid="pulse-trend-empty">
          The trend appears once two periods have figures{shown.length === 1 ? '; one has so far' : ''}.
        </p>
      ) : (
        <div className="pulse-trend__grid">
          {survey.questions.map((q) => (
            <LineChart
              key={q.id}
              title={q.prompt}
              points={shown.map((p) => {
                const mean = p.questions[q.id]?.mean;
                return { label: periodShort(p.period), value: mean === undefined ? null : Number(formatMean(mean)) };
              })}
              min={1}
              max={5}
              valueLabel="Mean (1–5)"
              testId={`pulse-trend-${q.id}`}
            />
          ))}
        </div>
      )}
    </Sheet>
  );
}
