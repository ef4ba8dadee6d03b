/** A period's comments, as the relay lists them: alphabetical, never in the order they came in. */
export function PulseComments({ comments }: { comments: string[] }) {
  return (
    <section className="pulse-comments" data-testid="pulse-comments" aria-label="Comments">
      <h4 className="pulse-comments__title">Comments</h4>
      <p className="sheet__hint">Shown in alphabetical order, so their order says nothing about who wrote them or when.</p>
      {comments.length === 0 ? (
        <p className="sheet__hint pulse-comments__none">No comments in these answers.</p>
      ) : (
        <ul className="pulse-comments__list">
          {comments.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
