import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startUrlSync } from './store/url-sync';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
startUrlSync();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
