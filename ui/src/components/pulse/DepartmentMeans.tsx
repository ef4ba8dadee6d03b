import type { PulseDepartmentFigures, PulseQuestion } from '../../api';
import { formatMean } from '../../lib/pulse';

interface DepartmentMeansProps {
  departments: Record<string, PulseDepartmentFigures>;
  questions: PulseQuestion[];
  threshold: number;
  departmentName: (id: string) => string;
}

/** Each department's mean per statement, for the departments big enough to show. */
export function DepartmentMeans({ departments, questions, threshold, departmentName }: DepartmentMeansProps) {
  const rows = Object.entries(departments).sort(([a], [b]) => departmentName(a).localeCompare(departmentName(b)));
  if (rows.length === 0) return null;
  return (
    <section className="pulse-departments" data-testid="pulse-departments" aria-label="By department">
      <h4 className="pulse-comments__title">By department</h4>
      <p className="sheet__hint">
        A department shows only when at least {threshold} of its people answered, and when the answers outside the departments shown are
        none or at least {threshold} too.
      </p>
      <div className="table-scroll">
        <table className="data-table pulse-departments__table">
          <thead>
            <tr>
              <th scope="col">Department</th>
              <th scope="col">Answers</th>
              {questions.map((q, i) => (
                <th key={q.id} scope="col" title={q.prompt}>
                  <span aria-hidden="true">Statement {i + 1}</span>
                  <span className="visually-hidden">{q.prompt}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, d]) => (
              <tr key={id} data-testid={`pulse-department-${id}`}>
                <th scope="row">{departmentName(id)}</th>
                <td>{d.count}</td>
                {questions.map((q) => (
                  <td key={q.id}>{d.means[q.id] === undefined ? '–' : formatMean(d.means[q.id])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
