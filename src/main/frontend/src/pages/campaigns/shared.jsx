// What the campaign pages share: roles, segment words, how a campaign's audience reads.
import { useApi } from '../../ui.jsx';
import { words } from '../backoffice/common.jsx';

/** Who reads campaigns (ops reads every GET); only marketing defines and cancels them. */
export const READ_ROLES = ['marketing', 'analyst', 'ops'];
export const WRITE_ROLES = ['marketing'];

export const SEGMENTS = [
  { id: 'CHAMPION', text: 'buys often, much, and lately' },
  { id: 'LOYAL', text: 'comes back regularly' },
  { id: 'NEW', text: 'one recent purchase' },
  { id: 'AT_RISK', text: 'bought repeatedly, quiet for 4–8 months' },
  { id: 'LOST', text: 'nothing for more than 240 days' },
  { id: 'OCCASIONAL', text: 'everyone else' },
];

export const OPEN_STATUSES = ['DRAFT', 'AWAITING_APPROVAL', 'RUNNING'];

/** The catalogue by SKU (public route), for product names and the currency. */
export function useCatalogue() {
  const { data, error, loading } = useApi('/api/products');
  const bySku = {};
  (data || []).forEach((p) => { bySku[p.sku] = p; });
  return { products: data || [], bySku, error, loading };
}

export function productLabel(p, sku) {
  if (!p) return sku;
  return `${p.name}${p.variant ? ` (${p.variant})` : ''}`;
}

export function audience(c) {
  if (c.rule === 'SEGMENT') return `Segment ${words(c.segment)}`;
  return `Recommended ${c.products?.length === 1 ? 'the product' : `one of ${c.products?.length || 0} products`}`;
}
