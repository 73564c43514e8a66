// DOM. Entry point of the renderer.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/base.css';
import './styles/components.css';
import './styles/screens.css';
import './styles/frame.css';
import './styles/reflow.css';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
