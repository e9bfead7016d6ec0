// Handheld pick view: line by line, scan input for a barcode scanner, big touch targets.
import { Page } from '../ui.jsx';

export function PickPage() { return <Page title="Pick"><p>Coming soon.</p></Page>; }

export const routes = [{ path: '/pick/:taskKey', component: PickPage }];
export const nav = [];
