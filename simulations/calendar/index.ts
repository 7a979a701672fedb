/** The simulator's calendar layer: fast Europe/London time, team working hours, deadlines, sittings. */
export * from './london-clock.ts';
export * from './working-days.ts';
export * from './working-hours.ts';
export * from './deadline-clock.ts';
export * from './sittings.ts';
