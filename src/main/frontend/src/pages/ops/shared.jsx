// What the ops pages share: who may see them, the refresh interval, the section tabs.
import { hasRole, useMe } from '../../ui.jsx';
import { Tabs } from '../backoffice/common.jsx';

export const OPS_ROLES = ['ops'];
/** Analysts read the diagrams too (they model the processes). */
export const DIAGRAM_ROLES = ['ops', 'analyst'];
export const POLL_MS = 5000;

export function OpsTabs({ current }) {
  const me = useMe();
  const items = [{ href: '#/ops', label: 'Processes' }];
  if (hasRole(me, ...OPS_ROLES)) items.push({ href: '#/ops/stuck', label: 'Stuck work' });
  return <Tabs label="Operations" items={items} current={current} />;
}

