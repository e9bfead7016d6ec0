// bpmn-js, loaded only when a diagram is shown (its own chunk). The font CSS references font FILES (bpmn.css), never
// the data: fonts of bpmn-embedded.css, which the pages' Content-Security-Policy forbids.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';

export { default as NavigatedViewer } from 'bpmn-js/lib/NavigatedViewer';
