/** Conformance (see conformance.ts) for the models with the most routes, in a file of their own so it runs beside the rest. */
import { bundledModels, describeConformance, heavyModels } from './conformance.ts';

describeConformance(bundledModels.filter((name) => heavyModels.includes(name)));
