import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Client, Provider, cacheExchange, fetchExchange } from 'urql';
import { App } from './App.tsx';
import { initI18n } from './i18n/i18n.ts';
import { parseViewState } from './navigation/url-state.ts';
// MapLibre's styles come first (with the page's own script, though its engine is a later chunk), so the page's own override them.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';

// The URL is parsed once here; the page keeps the view in step with it from then on.
const linked = parseViewState(window.location.search);
initI18n(linked.lang);

// Queries go as GET, so the browser keeps kept answers and revalidates them (a repeat visit costs a 304);
// the header tells Apollo's CSRF protection the request is not a simple cross-site one.
const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: 'within-url-limit',
  fetchOptions: { headers: { 'apollo-require-preflight': 'true' } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <App linked={linked} />
    </Provider>
  </StrictMode>,
);
