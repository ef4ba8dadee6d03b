import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { clearDrafts } from '../components/chat/Composer';

// The machine may be busy compiling Rust; give async UI updates room instead of flaking.
configure({ asyncUtilTimeout: 4000 });

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  clearMocks();
  clearDrafts();
});
