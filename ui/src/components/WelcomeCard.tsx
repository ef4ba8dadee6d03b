import { NameForm } from './NameForm';
import './WelcomeCard.css';

export function WelcomeCard({ onCreateTeam }: { onCreateTeam: (name: string) => Promise<boolean> }) {
  return (
    <div className="welcome">
      <section className="welcome__card" aria-labelledby="welcome-title" data-testid="welcome-card">
        <span className="welcome__mark" aria-hidden="true" />
        <h1 className="welcome__title" id="welcome-title">
          Welcome to Teamstead
        </h1>
        <p className="welcome__text">
          Plan work with your team on boards of tasks. Everything lives on this device, so it is fast and works
          offline. Start with a team; it comes with a first board.
        </p>
        <NameForm
          label="Team name"
          placeholder="e.g. Design, Platform, Home"
          submitLabel="Create your first team"
          inputTestId="team-name-input"
          submitTestId="team-create-submit"
          size="large"
          autoFocus
          onSubmit={onCreateTeam}
        />
      </section>
    </div>
  );
}
