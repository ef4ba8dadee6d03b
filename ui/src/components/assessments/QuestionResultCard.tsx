import type { QuestionResult } from '../../api';
import { formatScore, groupCounts, resultText } from '../../lib/assessments';
import { BarChart } from '../charts/BarChart';

/** One question's answers: how often each option or value was picked, the mean, the free texts. */
export function QuestionResultCard({ question: q }: { question: QuestionResult }) {
  const label = (value: string) => resultText(value, q);
  return (
    <article className="question-result" data-testid={`question-result-${q.id}`}>
      <p className="question-result__meta">
        {q.section} · {q.answered} {q.answered === 1 ? 'answer' : 'answers'}
        {q.mean !== null && <> · mean {formatScore(q.mean)}</>}
        {q.averageScore !== null && <> · average score {formatScore(q.averageScore)}</>}
      </p>
      {q.counts.length > 0 ? (
        <BarChart
          title={q.prompt}
          bars={groupCounts(q.counts).map(([value, count]) => ({ label: label(value), value: count, text: String(count) }))}
          valueLabel="Answers"
        />
      ) : (
        <>
          <h4 className="chart__caption">{q.prompt}</h4>
          {q.texts.length === 0 ? (
            <p className="sheet__hint">No written answers yet.</p>
          ) : (
            <ul className="question-result__texts">
              {q.texts.map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
