/** Coverage on the diagram: elements some case reached are marked, the ones no case reached greyed and outlined. */
import './coverage.css';
import { clearMarker, setMarker, type Modeler } from '../modeler/bpmn-js.ts';
import type { CoverageResult } from '../api/types.ts';

export const coverageMarkers = { covered: 'mf-covered', uncovered: 'mf-uncovered' } as const;

export function clearCoverageMarkers(modeler: Modeler): void {
  for (const marker of Object.values(coverageMarkers)) clearMarker(modeler, marker);
}

export function showCoverageMarkers(modeler: Modeler, result: CoverageResult): void {
  clearCoverageMarkers(modeler);
  for (const id of [...result.nodes.covered, ...result.flows.covered]) setMarker(modeler, id, coverageMarkers.covered, true);
  for (const id of [...result.nodes.uncovered, ...result.flows.uncovered]) setMarker(modeler, id, coverageMarkers.uncovered, true);
}
