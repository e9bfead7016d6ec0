// The bpmn.io form-js viewer and its stylesheet, loaded on demand (a chunk of its own): only the task pages need it.
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

export { Form } from '@bpmn-io/form-js-viewer';
