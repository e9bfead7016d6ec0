// Handheld pick view: line by line, scan input for a barcode scanner, big touch targets.
import './pick.css';
import { PickPage } from './pick/PickView.jsx';

export { PickPage };

export const routes = [{ path: '/pick/:taskKey', component: PickPage }];
export const nav = [];
