import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/tokens.css';
import './styles/base.css';

async function start() {
  // `vite dev` in a plain browser has no Rust core behind it; an in-memory stand-in
  // makes the UI explorable there. Production builds drop this branch entirely.
  if (import.meta.env.DEV && !('__TAURI_INTERNALS__' in window)) {
    const { installFakeBackend } = await import('./dev/fakeBackend');
    installFakeBackend({ seed: true, emitEvents: true });
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
