/** The editor page: bpmn-js's styles, the editor's own, and the components. Everything is bundled: no network. */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './shell/app.css';
import './modeler/mf-modeler.ts';
import './models/mf-model-list.ts';
import './lint/mf-lint-panel.ts';
import './properties/mf-edit-side.ts';
import './trainer/mf-trainer-panel.ts';
import './whatif/mf-whatif-panel.ts';
import './coverage/mf-coverage-panel.ts';
import './authorities/mf-authorities.ts';
import './shell/mf-app.ts';
