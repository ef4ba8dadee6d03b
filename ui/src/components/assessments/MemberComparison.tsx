import { useId, useState } from 'react';
import type { MemberResult, QuestionResult } from '../../api';
import { formatScore, resultText } from '../../lib/assessments';
import { Field } from '../Field';
import { TableHead } from '../TableHead';

interface MemberComparisonProps {
  members: MemberResult[];
  questions: QuestionResult[];
}

/** Two people side by side: each answer and what it scored. */
export function MemberComparison({ members, questions }: MemberComparisonProps) {
  const ready = members.filter((m) => m.progress === 'submitted' || m.progress === 'approved');
  const [a, setA] = useState(ready[0]?.userId ?? '');
  const [b, setB] = useState(ready[1]?.userId ?? '');
  const aId = useId();
  const bId = useId();
  if (ready.length < 2) {
    return <p className="sheet__hint">Once two people have submitted, compare them here.</p>;
  }
  const left = ready.find((m) => m.userId === a);
  const right = ready.find((m) => m.userId === b);
  const picker = (id: string, label: string, value: string, set: (v: string) => void, testId: string) => (
    <Field htmlFor={id} label={label}>
      <select id={id} className="select" data-testid={testId} value={value} onChange={(e) => set(e.target.value)}>
        {ready.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
    </Field>
  );
  const cell = (m: MemberResult | undefined, q: QuestionResult) => {
    if (!m) return '–';
    const answer = m.answers[q.id];
    const score = m.questionScores[q.id];
    return (
      <>
        {answer ? resultText(answer, q) : <span className="comparison__none">No answer</span>}
        {score !== undefined && <span className="comparison__score"> ({formatScore(score)})</span>}
      </>
    );
  };
  return (
    <div className="comparison" data-testid="member-comparison">
      <div className="comparison__pickers">
        {picker(aId, 'First person', a, setA, 'compare-member-a')}
        {picker(bId, 'Second person', b, setB, 'compare-member-b')}
      </div>
      <table className="data-table comparison__table">
        <caption className="visually-hidden">
          {left?.name} and {right?.name}, answer by answer
        </caption>
        <TableHead columns={['Question', left?.name, right?.name]} />
        <tbody>
          <tr className="comparison__total">
            <th scope="row">Score</th>
            <td>{formatScore(left?.score ?? null)}</td>
            <td>{formatScore(right?.score ?? null)}</td>
          </tr>
          {questions.map((q) => (
            <tr key={q.id}>
              <th scope="row">{q.prompt}</th>
              <td>{cell(left, q)}</td>
              <td>{cell(right, q)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
