/** Conformance of the simulator with bpmn-engine (see conformance.ts) for the models that replay quickly. */
import { bundledModels, describeConformance, heavyModels } from './conformance.ts';

describeConformance(bundledModels.filter((name) => !heavyModels.includes(name)));
