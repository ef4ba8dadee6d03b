import type { PulseQuestionFigures } from '../../api';
import { LIKERT_LABELS } from '../../lib/assessments';
import { formatMean } from '../../lib/pulse';
import { BarChart } from '../charts/BarChart';

interface QuestionFiguresProps {
  id: string;
  prompt: string;
  figures: PulseQuestionFigures;
}

/** One statement in one period: its mean and how many answered 1 to 5. */
export function QuestionFigures({ id, prompt, figures }: QuestionFiguresProps) {
  return (
    <article className="pulse-question" data-testid={`pulse-question-result-${id}`}>
      <p className="pulse-question__mean">
        <span className="pulse-question__mean-value" data-testid={`pulse-mean-${id}`}>
          {formatMean(figures.mean)}
        </span>
        <span className="pulse-question__mean-scale"> of 5 on average · {figures.count} {figures.count === 1 ? 'answer' : 'answers'}</span>
      </p>
      <BarChart
        title={prompt}
        bars={LIKERT_LABELS.map((label, i) => ({ label: `${i + 1} ${label}`, value: figures.distribution[i] ?? 0 }))}
        max={Math.max(1, ...figures.distribution)}
        valueLabel="Answers"
        testId={`pulse-distribution-${id}`}
      />
    </article>
  );
}
