// Ops view: deployed processes drawn with bpmn-js, active instances and incidents per element, stuck instances, retry.
import { Page } from '../ui.jsx';

export function Ops() { return <Page title="Processes"><p>Coming soon.</p></Page>; }

export const routes = [{ path: '/ops', component: Ops }];
export const nav = [{ href: '#/ops', label: 'Processes', roles: ['ops'] }];
