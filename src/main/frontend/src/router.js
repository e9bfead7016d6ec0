// Hash routes (#/orders/123): the app serves one page at / and every route works after a reload or from a link.
import { useEffect, useState } from 'preact/hooks';

export function currentPath() {
  const hash = location.hash.replace(/^#/, '');
  const path = hash.split('?')[0] || '/';
  return path.startsWith('/') ? path : '/' + path;
}

export function currentQuery() {
  const hash = location.hash.replace(/^#/, '');
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
}

export function navigate(path) {
  location.hash = path;
}

/** Matches '/orders/:id' against '/orders/42' → {id: '42'}; null when it does not match. */
export function match(pattern, path) {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

export function usePath() {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const on = () => setPath(currentPath());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return path;
}
