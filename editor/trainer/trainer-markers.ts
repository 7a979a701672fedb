/** Trainer mode on the diagram: the current step outlined, the path so far shaded, its flows drawn bold. */
import { clearMarker, focusOn, setMarker, type Modeler } from '../modeler/bpmn-js.ts';
import type { StepState } from './trainer-state.ts';

const markers = { current: 'mf-current', visited: 'mf-visited', taken: 'mf-taken' } as const;

export function clearTrainerMarkers(modeler: Modeler): void {
  for (const marker of Object.values(markers)) clearMarker(modeler, marker);
}

export function showTrainerStep(modeler: Modeler, state: StepState): void {
  clearTrainerMarkers(modeler);
  for (const id of state.visited) if (id !== state.step.id) setMarker(modeler, id, markers.visited, true);
  for (const id of state.flows) setMarker(modeler, id, markers.taken, true);
  setMarker(modeler, state.step.id, markers.current, true);
  focusOn(modeler, state.step.id);
}
