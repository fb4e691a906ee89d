import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Client, Provider, cacheExchange, fetchExchange } from 'urql';
import { App } from './App.tsx';
import { initI18n } from './i18n/i18n.ts';
import { parseViewState } from './navigation/url-state.ts';
import './styles.css';

// The URL is parsed once here; the page keeps the view in step with it from then on.
const linked = parseViewState(window.location.search);
initI18n(linked.lang);

// POST: Apollo's CSRF protection refuses simple GET requests from browsers.
const client = new Client({ url: '/graphql', exchanges: [cacheExchange, fetchExchange], preferGetMethod: false });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <App linked={linked} />
    </Provider>
  </StrictMode>,
);
